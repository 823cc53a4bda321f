// The dossier as PDF/A-2b with pdfkit: A4, embedded DejaVu fonts (pdfFonts.ts), document language
// nl-NL, bookmarks for the section headings, a footer with the title and page numbers, and a structure
// tree (headings, paragraphs, lists, quotes, tables, figures with their alternative text and captions;
// rules, borders and footers as artifacts) so that screen readers can follow the document (EN 301 549
// asks for accessible documents). pdfkit lays out text and images; this file only decides fonts, sizes,
// indents and tags per block (table grids: pdfTable.ts).
import PDFDocument from 'pdfkit'
import { cmykToRgbJpeg } from './cmykToRgbJpeg.ts'
import { type Block, type ImageBlock, type Inline, inlineText, NO_MARKS } from './contentBlocks.ts'
import type { Dossier } from './dossier.ts'
import { type DossierWriter, type OnProgress, type TitlePage, writeDossier } from './dossierLayout.ts'
import { imageDescription, LABELS } from './dossierText.ts'
import { embeddableImage, imageSize, missingImageInlines, type Size } from './embeddedImages.ts'
import { PDF_FONTS, type PdfFont, pdfFontFor, pdfFontPath } from './pdfFonts.ts'
import { type Area, pdfTables } from './pdfTable.ts'
import { sameAddress } from './safeHref.ts'
import { escapeXmpInfo } from './xmpSafeInfo.ts'

export function renderPdf(dossier: Dossier, onProgress?: OnProgress): Promise<Uint8Array> {
  return writeDossier(dossier, pdfWriter(dossier.generatedAt, dossier.images), onProgress)
}

type Doc = PDFKit.PDFDocument

/** An image as pdfkit's openImage returns it, which its typings lack: parsed, embedded on first use. */
interface PdfImage {
  readonly width: number
  readonly height: number
  /** A JPEG's EXIF orientation, which pdfkit applies when drawing (5–8 turn it a quarter). */
  readonly orientation?: number
}

interface PdfImages {
  openImage(data: Uint8Array): PdfImage
  image(image: PdfImage, x: number, y: number, options: PDFKit.Mixins.ImageOption): void
}

/** Structure element options, with the layout attributes pdfkit supports but its typings lack. */
type StructOptions = PDFKit.Mixins.StructureElementOptions & {
  readonly bbox?: [number, number, number, number]
  readonly placement?: 'Block'
}

const MARGIN = 64
const BODY_SIZE = 10.5
const HEADING_SIZES = [18, 15, 13, 12, 11, 10.5] as const
const INDENT = 18
const TEXT_COLOR = '#1a1a1a'
const MUTED_COLOR = '#555555'
const LINK_COLOR = '#154273' // Rijkshuisstijl dark blue
const LINE_GAP = 2
/** An image's caption: smaller than the body text, in italics. */
const CAPTION_SIZE = BODY_SIZE - 1.5
/** Between an image and its caption, in points: close enough to read as one. */
const CAPTION_GAP = 3
// Joiners and variation selectors only shape the characters around them: nothing to show on their own.
const isInvisible = (cp: number) => (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f)

function pdfWriter(generatedAt: number, images: Dossier['images']): DossierWriter {
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
  escapeXmpInfo(doc)
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
  /** Measuring a table cell: nothing is drawn or tagged, doc.y only moves as drawing would move it. */
  let measuring = false
  /** Drawing header rows again on a new page: all inside one artifact, so nothing is tagged or linked. */
  let untagged = false
  /** Inside a table cell, whose row was measured to fit on the page: no page breaks or bookmarks. */
  let cellDepth = 0
  const quiet = () => measuring || untagged
  /** Content drawn in `draw` becomes one structure element of `type` under `parent`. */
  const tag = (parent: Parent, type: string, draw: () => void, options: StructOptions = {}) => {
    if (quiet()) draw()
    else parent.add(doc.struct(type, options, draw))
  }
  /** A container element (list, quote, table) whose children `fill` adds while it is open. */
  const within = (
    parent: Parent,
    type: string,
    fill: (element: Parent) => void,
    attributes?: Readonly<Record<string, string | number>>,
  ) => {
    if (quiet()) {
      fill(parent)
      return
    }
    const element = doc.struct(type)
    // Table attributes (PDF 1.7 §14.8.5.7). The typings lack the element's dictionary; pdfkit's own
    // doc.table() sets them the same way, and turns the strings into PDF names.
    if (attributes)
      (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = attributes
    parent.add(element)
    fill(element)
    element.end()
  }
  /** Decoration that carries no content for a screen reader. */
  const artifact = (draw: () => void) => {
    if (measuring) return
    // A repeated header row is one artifact already; marked content must not nest.
    if (untagged) return draw()
    doc.markContent('Artifact')
    draw()
    doc.endMarkedContent()
  }
  /** How far `draw` would move doc.y, without drawing. */
  const measured = (draw: () => void): number => {
    const top = doc.y
    const before = measuring
    measuring = true
    try {
      draw()
    } finally {
      measuring = before
    }
    const height = doc.y - top
    doc.y = top
    return height
  }

  const body = (): Area => ({
    left: doc.page.margins.left,
    width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
  })
  const indented = (area: Area, by: number): Area => ({ left: area.left + by, width: area.width - by })
  const room = () => doc.page.height - doc.page.margins.bottom - doc.y
  const pageRoom = () => doc.page.height - doc.page.margins.top - doc.page.margins.bottom
  const atPageTop = () => doc.y <= doc.page.margins.top + 1
  // Tables are laid out in pdfTable.ts; the state they need stays here, reached through functions.
  const table = pdfTables({
    doc,
    bodySize: BODY_SIZE,
    within,
    artifact,
    untaggedArtifact: (draw) =>
      artifact(() => {
        untagged = true
        try {
          draw()
        } finally {
          untagged = false
        }
      }),
    measured,
    measuring: () => measuring,
    inCell: () => cellDepth > 0,
    asCell: (draw) => {
      cellDepth++
      try {
        draw()
      } finally {
        cellDepth--
      }
    },
    block,
    room,
    pageRoom,
    atPageTop,
  })

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

  /** doc.text at the left of `area` from doc.y; when measuring, only the height it takes. */
  function write(value: string, area: Area, options: PDFKit.Mixins.TextOptions): void {
    const placed = { ...options, width: area.width }
    if (measuring) doc.y += doc.heightOfString(value, placed)
    else doc.text(value, area.left, doc.y, placed)
  }

  function block(b: Block, area: Area, parent: Parent): void {
    switch (b.kind) {
      case 'heading': {
        const size = HEADING_SIZES[b.level - 1] ?? BODY_SIZE
        // Keep a heading with the first lines that follow it.
        if (cellDepth === 0 && room() < size * 5) doc.addPage()
        else doc.moveDown(0.6)
        if (cellDepth === 0) bookmark(b.level, inlineText(b.inlines))
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
          write(printable(b.text), indented(area, INDENT / 2), { link: null, underline: false, strike: false })
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
        within(parent, 'BlockQuote', (quote) => {
          for (const inner of b.blocks) block(inner, indented(area, INDENT), quote)
        })
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
      case 'list':
        within(parent, 'L', (list) => {
          b.items.forEach((item, i) => {
            listItem(item, b.ordered ? `${b.start + i}.` : '•', area, list)
          })
        })
        return
      case 'table':
        table(b.rows, area, parent)
        return
      case 'image':
        image(b, area, parent)
        return
    }
  }

  /** pdfkit's image per src, or null when it cannot be shown: each is parsed and embedded once. */
  const opened = new Map<string, PdfImage | null>()

  function openedImage(src: string): PdfImage | null {
    const known = opened.get(src)
    if (known !== undefined) return known
    const image = embeddableImage(images, src)
    let result: PdfImage | null = null
    // pdfkit decodes the pixels of a transparent or interlaced PNG later, where an error cannot be caught
    // and ends the worker: only when the check has seen those pixels whole.
    if (image && (image.pixelsChecked || !image.decodedByPdf)) {
      // pdfkit would embed a CMYK JPEG as DeviceCMYK, which PDF/A-2b forbids with our sRGB output intent:
      // it gets an RGB JPEG of the same picture, or (not decodable) the missing-image line.
      const data = image.cmyk ? cmykToRgbJpeg(image.data, image) : image.data
      try {
        if (data) result = (doc as unknown as PdfImages).openImage(data)
      } catch {
        // pdfkit's own parser refused it: the missing-image line stands in.
      }
    }
    opened.set(src, result)
    return result
  }

  /**
   * An image as a Figure with its alternative text, in its own block: as wide as the editor shows it
   * (see imageSize) within `area`, its caption under it; the two to the next page when they do not fit
   * on this one. One that cannot be shown is the missing-image line, its caption under it too.
   */
  function image(b: ImageBlock, area: Area, parent: Parent): void {
    const pdfImage = openedImage(b.src)
    if (!pdfImage) {
      tag(parent, 'P', () => inlines(missingImageInlines(b.alt), area, { size: BODY_SIZE, bold: false }))
      // No Figure here for a Caption to belong to: the caption is a paragraph of its own.
      caption(b, area, parent, 'P')
      doc.moveDown(0.5)
      return
    }
    const size = pdfImageSize(pdfImage, b, area)
    const height = size.height + captionHeight(b, area)
    if (cellDepth === 0 && !measuring && height > room() && !atPageTop()) doc.addPage()
    const { left } = area
    const top = doc.y
    if (!measuring) {
      tag(parent, 'Figure', () => (doc as unknown as PdfImages).image(pdfImage, left, top, size), {
        alt: imageDescription(b.alt),
        bbox: [left, top, left + size.width, top + size.height],
        placement: 'Block',
      })
    }
    doc.y = top + size.height
    // A Caption sibling right after the Figure rather than its child: a Figure's /Alt stands for the
    // element and all its children (PDF 1.7 §14.9.3), so a screen reader that reads the alternative text
    // would skip a caption inside it, and the caption is text every reader should get.
    caption(b, area, parent, 'Caption')
    // The gap below as after a paragraph, whatever font the block before left behind.
    doc.font('regular').fontSize(BODY_SIZE)
    doc.moveDown(0.5)
  }

  /** An image's caption, when it has one: right under it, wrapped to `area`, smaller and in italics. */
  function caption(b: ImageBlock, area: Area, parent: Parent, type: 'Caption' | 'P'): void {
    const text = b.caption
    if (text === null) return
    doc.y += CAPTION_GAP
    tag(parent, type, () => {
      doc.font('italic').fontSize(CAPTION_SIZE).fillColor(TEXT_COLOR)
      write(printable(text), area, { lineGap: LINE_GAP, link: null, underline: false, strike: false })
    })
  }

  /** The height an image's caption and the gap above it take in `area` (0 without one); the font stays. */
  function captionHeight(b: ImageBlock, area: Area): number {
    const text = b.caption
    if (text === null) return 0
    // Measuring sets the font, and what follows may depend on the one set before (a heading's gap above
    // it is a line of the font the block before left): pdfkit's font state (pinned at 0.20.2, as in
    // printable) is put back afterwards.
    const state = doc as unknown as { _font: unknown; _fontSize: number }
    const { _font: font, _fontSize: fontSize } = state
    try {
      doc.font('italic').fontSize(CAPTION_SIZE)
      return CAPTION_GAP + doc.heightOfString(printable(text), { width: area.width, lineGap: LINE_GAP })
    } finally {
      state._font = font
      state._fontSize = fontSize
    }
  }

  function pdfImageSize(pdfImage: PdfImage, b: ImageBlock, area: Area): Size {
    // pdfkit draws a JPEG turned as its EXIF orientation says, as a browser shows it: a quarter turn
    // swaps its sides.
    const turned = (pdfImage.orientation ?? 1) > 4
    const pixels = turned ? { width: pdfImage.height, height: pdfImage.width } : pdfImage
    return imageSize(pixels, b, { width: area.width, textHeight: pageRoom() })
  }

  /**
   * The height a block takes when it is an image that will be drawn, its caption included, else 0: to
   * keep things with it.
   */
  function imageHeight(b: Block | undefined, area: Area): number {
    const pdfImage = b?.kind === 'image' ? openedImage(b.src) : null
    return b?.kind === 'image' && pdfImage ? pdfImageSize(pdfImage, b, area).height + captionHeight(b, area) : 0
  }

  /** A new page unless `height` fits on this one (or would not fit on any). */
  function keepTogether(height: number): void {
    if (cellDepth === 0 && !measuring && room() < height && height <= pageRoom() && !atPageTop()) doc.addPage()
  }

  function listItem(item: readonly Block[], marker: string, area: Area, list: Parent): void {
    const inner = indented(area, INDENT + (marker.length > 2 ? 6 : 0))
    // The marker stays with the item's first line, or with its image when it starts with one.
    keepTogether(Math.max(BODY_SIZE * 2, imageHeight(item[0], inner)))
    const y = doc.y
    within(list, 'LI', (element) => {
      tag(element, 'Lbl', () => {
        doc.font('regular').fontSize(BODY_SIZE).fillColor(TEXT_COLOR)
        if (measuring) return
        doc.text(marker, area.left, y, {
          width: inner.left - area.left,
          lineBreak: false,
          link: null,
          underline: false,
          strike: false,
        })
      })
      doc.y = y
      within(element, 'LBody', (itemBody) => {
        if (item.length === 0) doc.moveDown()
        for (const b of item) block(b, inner, itemBody)
      })
    })
  }

  function inlines(list: readonly Inline[], area: Area, base: { size: number; bold: boolean }): void {
    // One chain of continued text per line: pdfkit drops a newline at the end of a continued run once
    // the line has wrapped, so hard breaks are made by starting a new chain.
    for (const line of pdfLines(list)) {
      const runs = line.length > 0 ? line : [{ text: ' ', marks: NO_MARKS, href: null }]
      if (measuring) {
        measureLine(runs, area, base)
        continue
      }
      // pdfkit puts a run's baseline its own font's ascent below the line's top, so code, a point smaller,
      // would sit higher than the text around it: every run of the line stands on the base font's baseline.
      const ascent = baseAscent(base)
      const baseline = ascent === null ? {} : { baseline: -ascent }
      runs.forEach((run, i) => {
        const marks = runFont(run, base)
        doc.fillColor(run.href ? LINK_COLOR : TEXT_COLOR)
        const options: PDFKit.Mixins.TextOptions = {
          continued: i < runs.length - 1,
          // A repeated header row is an artifact: a link there would be a second, untagged one.
          link: untagged ? null : run.href,
          underline: marks.underline || run.href !== null,
          strike: marks.strike,
          lineGap: LINE_GAP,
          ...baseline,
        }
        const shown = printable(run.text)
        if (i === 0) doc.text(shown, area.left, doc.y, { ...options, width: area.width })
        else doc.text(shown, options)
      })
    }
  }

  /**
   * How far below the top of a line the base font's baseline lies, in points: pdfkit's ascent of the font
   * (per 1000 units), read from its internal font as printable does; null if that ever changes, and each
   * run then stands where pdfkit puts it.
   */
  function baseAscent(base: { size: number; bold: boolean }): number | null {
    doc.font(base.bold ? 'bold' : 'regular').fontSize(base.size)
    const ascender = (doc as unknown as { _font?: { ascender?: unknown } })._font?.ascender
    return typeof ascender === 'number' ? (ascender / 1000) * base.size : null
  }

  /** Sets the font and size a run is drawn in; returns its marks with the base's boldness. */
  function runFont(run: PdfRun, base: { size: number; bold: boolean }): PdfRun['marks'] {
    const marks = { ...run.marks, bold: run.marks.bold || base.bold }
    doc.font(pdfFontFor(marks)).fontSize(marks.code ? base.size - 1 : base.size)
    return marks
  }

  /**
   * The height of a line of runs, without drawing it. pdfkit measures in one font at a time, so the line
   * is measured in the widest font it may be drawn in (bold; bold monospace when it holds code): the
   * measure is then not less than the line drawn. The font is left as drawing would leave it.
   */
  function measureLine(runs: readonly PdfRun[], area: Area, base: { size: number; bold: boolean }): void {
    const widest: PdfFont[] = runs.some((run) => run.marks.code) ? ['bold', 'monoBold'] : ['bold']
    const value = runs.map((run) => run.text).join('')
    const heights = widest.map((font) => {
      doc.font(font).fontSize(base.size)
      return doc.heightOfString(printable(value), { width: area.width, lineGap: LINE_GAP })
    })
    doc.y += Math.max(...heights)
    const last = runs.at(-1)
    if (last) runFont(last, base)
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
      blocks.forEach((b, i) => {
        // A heading stays with the image below it (a map under its title), as with the lines of text
        // it keeps at the foot of a page.
        const next = blocks[i + 1]
        if (b.kind === 'heading' && next?.kind === 'image') {
          keepTogether((HEADING_SIZES[b.level - 1] ?? BODY_SIZE) * 5 + imageHeight(next, body()))
        }
        block(b, body(), root)
      })
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
