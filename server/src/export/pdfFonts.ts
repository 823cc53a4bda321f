// The fonts embedded in the PDF: DejaVu (from the `dejavu-fonts-ttf` package), which covers Latin with
// all Dutch diacritics, the euro sign, typographic quotes and dashes, and far beyond. The 14 standard PDF
// fonts only cover WinAnsi and are not embedded, which PDF/A forbids.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export const PDF_FONTS = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
  monoBold: 'DejaVuSansMono-Bold.ttf',
} as const

export type PdfFont = keyof typeof PDF_FONTS

/** Absolute path of a font file inside the installed package. */
export function pdfFontPath(font: PdfFont): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${PDF_FONTS[font]}`)
}

export function pdfFontFor(marks: {
  readonly bold: boolean
  readonly italic: boolean
  readonly code: boolean
}): PdfFont {
  if (marks.code) return marks.bold ? 'monoBold' : 'mono'
  if (marks.bold) return marks.italic ? 'boldItalic' : 'bold'
  return marks.italic ? 'italic' : 'regular'
}
