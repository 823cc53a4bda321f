// The dossier as PDF/A-2b with pdfkit: A4, embedded DejaVu fonts (pdfFonts.ts), document language
// nl-NL, bookmarks for the section headings, a footer with the title and page numbers, and a structure
// tree (headings, paragraphs, lists, quotes; rules and footers as artifacts) so that screen readers can
// follow the document (EN 301 549 asks for accessible documents). pdfkit lays out text; this file only
// decides fonts, sizes, indents and tags per block.
import PDFDocument from 'pdfkit'
import { type Block, type Inline, inlineText, NO_MARKS } from './contentBlocks.ts'
import type { Dossier } from './dossier.ts'
import { type DossierWriter, type OnProgress, type TitlePage, writeDossier } from './dossierLayout.ts'
import { LABELS } from './dossierText.ts'
import { PDF_FONTS, type PdfFont, pdfFontFor, pdfFontPath } from './pdfFonts.ts'
import { sameAddress } from './safeHref.ts'

export function renderPdf(dossier: Dossier, onProgress?: OnProgress): Promise<Uint8Array> {
  return writeDossier(dossier, pdfWriter(dossier.generatedAt), onProgress)
}

type Doc = PDFKit.PDFDocument

const MARGIN = 64
const BODY_SIZE = 10.5
const HEADING_SIZES = [18, 15, 13, 12, 11, 10.5] as const
const INDENT = 18
const TEXT_COLOR = '#1a1a1a'
const MUTED_COLOR = '#555555'
const LINK_COLOR = '#154273' // Rijkshuisstijl dark blue
// Joiners and variation selectors only shape the characters around them: nothing to show on their own.
const isInvisible = (cp: number) => (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f)

interface Area {
  readonly left: number
  readonly width: number
}

function pdfWriter(generatedAt: number): DossierWriter {
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: 'nl-NL',
    displayTitle: true,
    bufferPages: true,
    tagged: true,
    info: { CreationDate: new Date(generatedAt) },
  })
  for (const font of Object.keys(PDF_FONTS) as PdfFont[]) doc.registerFont(font, pdfFontPath(font))
  const chunks: Uint8Array[] = []
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  const bookmarks: PDFKit.PDFOutline[] = []
  let title = ''
  const root = doc.struct('Document')
  doc.addStructure(root)
  type Parent = PDFKit.PDFStructureElement
  /** Content drawn in `draw` becomes one structure element of `type` under `parent`. */
  const tag = (parent: Parent, type: string, draw: () => void) => parent.add(doc.struct(type, {}, draw))
  /** A container element (list, quote) whose children are added while it is open. */
  const open = (parent: Parent, type: string): Parent => {
    const element = doc.struct(type)
    parent.add(element)
    return element
  }
  /** Decoration that carries no content for a screen reader. */
  const artifact = (draw: () => void) => {
    doc.markContent('Artifact')
    draw()
    doc.endMarkedContent()
  }

  const body = (): Area => ({
    left: doc.page.margins.left,
    width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
  })
  const indented = (area: Area, by: number): Area => ({ left: area.left + by, width: area.width - by })
  const room = () => doc.page.height - doc.page.margins.bottom - doc.y

  /**
   * Text the current font can draw: a character it has no glyph for (an emoji, a CJK ideograph) would
   * print as an empty box and vanish from the text layer, so it is written as its code point instead.
   * pdfkit exposes no glyph check, so this reads its current fontkit font (pdfkit pinned at 0.20.2; the
   * edge-case test notices if that changes).
   */
  function printable(value: string): string {
    const font = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?(cp: number): boolean } } })._font?.font
    if (!font?.hasGlyphForCodePoint) return value
    let out = ''
    for (const char of value) {
      const cp = char.codePointAt(0) ?? 0
      if (cp < 0x80 || font.hasGlyphForCodePoint(cp)) out += char
      else if (!isInvisible(cp)) out += `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`
    }
    return out
  }

  function block(b: Block, area: Area, parent: Parent): void {
    switch (b.kind) {
      case 'heading': {
        const size = HEADING_SIZES[b.level - 1] ?? BODY_SIZE
        // Keep a heading with the first lines that follow it.
        if (room() < size * 5) doc.addPage()
        else doc.moveDown(0.6)
        bookmark(b.level, inlineText(b.inlines))
        tag(parent, `H${b.level}`, () => inlines(b.inlines, area, { size, bold: true }))
        doc.moveDown(0.3)
        return
      }
      case 'paragraph':
        tag(parent, 'P', () => inlines(b.inlines, area, { size: BODY_SIZE, bold: false }))
        doc.moveDown(0.5)
        return
      case 'code':
        tag(parent, 'P', () => {
          doc
            .font('mono')
            .fontSize(BODY_SIZE - 1.5)
            .fillColor(TEXT_COLOR)
            .text(printable(b.text), area.left + INDENT / 2, doc.y, {
              width: area.width - INDENT / 2,
              link: null,
              underline: false,
              strike: false,
            })
        })
        doc.moveDown(0.5)
        return
      case 'rule': {
        const y = doc.y + 4
        artifact(() => {
          doc
            .moveTo(area.left, y)
            .lineTo(area.left + area.width, y)
            .lineWidth(0.5)
            .strokeColor(MUTED_COLOR)
            .stroke()
        })
        doc.y = y + 8
        return
      }
      case 'quote': {
        const top = doc.y
        const startPage = doc.bufferedPageRange().count
        const quote = open(parent, 'BlockQuote')
        for (const inner of b.blocks) block(inner, indented(area, INDENT), quote)
        quote.end()
        // The bar only when the quote stayed on one page; across a page break the indent says enough.
        if (doc.bufferedPageRange().count === startPage) {
          artifact(() => {
            doc
              .moveTo(area.left + 4, top)
              .lineTo(area.left + 4, doc.y - 6)
              .lineWidth(2)
              .strokeColor('#b0b0b0')
              .stroke()
          })
        }
        return
      }
      case 'list': {
        const list = open(parent, 'L')
        b.items.forEach((item, i) => {
          listItem(item, b.ordered ? `${b.start + i}.` : '•', area, list)
        })
        list.end()
        return
      }
    }
  }

  function listItem(item: readonly Block[], marker: string, area: Area, list: Parent): void {
    const inner = indented(area, INDENT + (marker.length > 2 ? 6 : 0))
    if (room() < BODY_SIZE * 2) doc.addPage()
    const y = doc.y
    const element = open(list, 'LI')
    tag(element, 'Lbl', () => {
      doc.font('regular').fontSize(BODY_SIZE).fillColor(TEXT_COLOR)
      doc.text(marker, area.left, y, {
        width: inner.left - area.left,
        lineBreak: false,
        link: null,
        underline: false,
        strike: false,
      })
    })
    doc.y = y
    const body = open(element, 'LBody')
    if (item.length === 0) doc.moveDown()
    for (const b of item) block(b, inner, body)
    body.end()
    element.end()
  }

  function inlines(list: readonly Inline[], area: Area, base: { size: number; bold: boolean }): void {
    // One chain of continued text per line: pdfkit drops a newline at the end of a continued run once
    // the line has wrapped, so hard breaks are made by starting a new chain.
    for (const line of pdfLines(list)) {
      const runs = line.length > 0 ? line : [{ text: ' ', marks: NO_MARKS, href: null }]
      runs.forEach((run, i) => {
        const marks = { ...run.marks, bold: run.marks.bold || base.bold }
        doc
          .font(pdfFontFor(marks))
          .fontSize(marks.code ? base.size - 1 : base.size)
          .fillColor(run.href ? LINK_COLOR : TEXT_COLOR)
        const options: PDFKit.Mixins.TextOptions = {
          continued: i < runs.length - 1,
          link: run.href,
          underline: marks.underline || run.href !== null,
          strike: marks.strike,
          lineGap: 2,
        }
        const shown = printable(run.text)
        if (i === 0) doc.text(shown, area.left, doc.y, { ...options, width: area.width })
        else doc.text(shown, options)
      })
    }
  }

  function bookmark(level: number, text: string): void {
    // Two levels of bookmarks are enough to find a section; deeper ones would clutter the panel.
    if (level > 2) return
    const parent = level === 1 ? doc.outline : (bookmarks.at(-1) ?? doc.outline)
    const item = parent.addItem(text)
    if (level === 1) bookmarks.push(item)
  }

  function footer(): void {
    const range = doc.bufferedPageRange()
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      doc.switchToPage(i)
      const bottom = doc.page.margins.bottom
      // Writing below the bottom margin would make pdfkit open a new page: lift it for the footer.
      doc.page.margins.bottom = 0
      doc.markContent('Artifact', { type: 'Pagination' })
      doc.font('regular').fontSize(8).fillColor(MUTED_COLOR)
      doc.text(
        `${title} — ${LABELS.page} ${i + 1} ${LABELS.of} ${range.count}`,
        doc.page.margins.left,
        doc.page.height - bottom / 2,
        {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          align: 'center',
          lineBreak: false,
          link: null,
          underline: false,
          strike: false,
        },
      )
      doc.endMarkedContent()
      doc.page.margins.bottom = bottom
    }
  }

  return {
    titlePage(page: TitlePage) {
      title = page.title
      doc.info.Title = page.title
      doc.info.Author = page.senders
      doc.info.Subject = page.kind
      const area = body()
      doc.y = doc.page.height / 4
      tag(root, 'H1', () => {
        doc
          .font('bold')
          .fontSize(24)
          .fillColor(TEXT_COLOR)
          .text(printable(page.title), area.left, doc.y, { width: area.width })
      })
      doc.moveDown(0.4)
      tag(root, 'P', () => {
        doc.font('regular').fontSize(14).fillColor(MUTED_COLOR).text(printable(page.kind), { width: area.width })
      })
      doc.moveDown(2)
      for (const fact of page.facts) {
        tag(root, 'P', () => {
          doc.font('bold').fontSize(11).fillColor(TEXT_COLOR).text(`${fact.label}: `, { continued: true })
          doc.font('regular').text(printable(fact.value))
        })
        doc.moveDown(0.3)
      }
    },
    blocks(blocks, options) {
      if (options?.pageBreak) doc.addPage()
      for (const b of blocks) block(b, body(), root)
    },
    async finish() {
      root.end()
      footer()
      doc.end()
      await done
      // A plain Uint8Array, not a Buffer: callers and readers (pdf.js) may insist on the base type.
      return new Uint8Array(Buffer.concat(chunks))
    },
  }
}

interface PdfRun {
  readonly text: string
  readonly marks: Extract<Inline, { kind: 'text' }>['marks']
  readonly href: string | null
}

/** Inlines as lines of pdfkit runs, split at hard breaks and newlines. */
function pdfLines(list: readonly Inline[]): PdfRun[][] {
  const lines: PdfRun[][] = [[]]
  const current = () => lines[lines.length - 1] ?? []
  for (const inline of list) {
    if (inline.kind === 'break') {
      lines.push([])
      continue
    }
    inline.text.split('\n').forEach((text, i) => {
      if (i > 0) lines.push([])
      if (text) current().push({ text, marks: inline.marks, href: inline.href })
    })
    // On paper a link is only its text: print the address after it when the text does not already say it.
    if (inline.href && !sameAddress(inline.text, inline.href)) {
      current().push({ text: ` (${inline.href})`, marks: { ...inline.marks, underline: false }, href: null })
    }
  }
  return lines.length === 1 && lines[0]?.length === 0 ? [] : lines
}
