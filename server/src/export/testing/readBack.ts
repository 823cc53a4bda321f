// Opens rendered files the way a reader's software would and returns their text, so the tests check
// what a person would see rather than how we wrote it: pdf.js (Firefox's PDF engine) for PDF, mammoth
// for DOCX, and a plain unzip + XML parse for ODT. The table readers return a table's rows and cells as
// the reader's software sees them, so a test can tell a real table from paragraphs that hold its text.
// The image readers return the pictures a reader would draw, with their size, alternative text and what
// they stand in (a table cell, a list item).
import { unzipSync } from 'fflate'
import mammoth from 'mammoth'
import MarkdownIt from 'markdown-it'
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { create } from 'xmlbuilder2'

export interface ReadBack {
  readonly text: string
  /** Targets of live links (PDF link annotations, DOCX relationships, ODT text:a). */
  readonly links: readonly string[]
}

export async function readPdf(bytes: Uint8Array): Promise<ReadBack & { readonly pages: number }> {
  // pdf.js takes ownership of the buffer it is given (and refuses a Buffer): hand it a plain copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise
  const lines: string[] = []
  const links: string[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const content = await page.getTextContent()
    let line = ''
    for (const item of content.items) {
      if (!('str' in item)) continue
      line += item.str
      if (item.hasEOL) {
        lines.push(line)
        line = ''
      }
    }
    if (line) lines.push(line)
    for (const annotation of (await page.getAnnotations()) as {
      subtype?: string
      url?: string
      unsafeUrl?: string
    }[]) {
      if (annotation.subtype === 'Link') links.push(annotation.unsafeUrl ?? annotation.url ?? '')
    }
  }
  const pages = pdf.numPages
  await pdf.destroy()
  return { text: lines.join('\n'), links, pages }
}

export interface PdfTextItem {
  readonly text: string
  /** In PDF units from the bottom left of the page: where its baseline starts. */
  readonly x: number
  readonly y: number
  readonly page: number
  /** The font size it is drawn at, in points. */
  readonly size: number
  /** The embedded font's name without its subset prefix, e.g. "DejaVuSans-Oblique". */
  readonly font: string
}

/** The pieces of text pdf.js finds, with where they stand and their font: to see which texts share a line. */
export async function readPdfItems(bytes: Uint8Array): Promise<PdfTextItem[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise
  const items: PdfTextItem[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const content = await page.getTextContent()
    // The operator list loads the page's fonts into commonObjs, where their names are.
    await page.getOperatorList()
    const fontName = (id: string) => {
      const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string }) : null
      return (font?.name ?? '').replace(/^[A-Z]{6}\+/, '')
    }
    for (const item of content.items) {
      if ('str' in item && item.str.trim()) {
        items.push({
          text: item.str,
          x: item.transform[4] ?? 0,
          y: item.transform[5] ?? 0,
          page: n,
          size: Math.hypot(item.transform[0] ?? 0, item.transform[1] ?? 0),
          font: fontName(item.fontName),
        })
      }
    }
  }
  await pdf.destroy()
  return items
}

export interface PdfImage {
  readonly page: number
  /** Pixels of the image XObject. */
  readonly width: number
  readonly height: number
  /** The size it is drawn at on the page, in points. */
  readonly drawnWidth: number
  readonly drawnHeight: number
  /** The box it takes on the page, in points: its drawn sides, swapped when it is turned a quarter (EXIF). */
  readonly boxWidth: number
  readonly boxHeight: number
  /** Where it is drawn: its left edge from the page's left, in points. */
  readonly left: number
  /** Its lowest edge from the page's bottom, in points (PDF units, as PdfTextItem's y). */
  readonly bottom: number
}

type Matrix = readonly [number, number, number, number, number, number]

/** `m` applied after `ctm`, as the PDF operator cm concatenates them. */
function concatMatrix(m: Matrix, ctm: Matrix): Matrix {
  const [a, b, c, d, e, f] = m
  const [A, B, C, D, E, F] = ctm
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
}

/** The images pdf.js paints, page by page, with their pixel size and the size they are drawn at. */
export async function readPdfImages(bytes: Uint8Array): Promise<PdfImage[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise
  const images: PdfImage[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const { fnArray, argsArray } = await (await pdf.getPage(n)).getOperatorList()
    let ctm: Matrix = [1, 0, 0, 1, 0, 0]
    const saved: Matrix[] = []
    fnArray.forEach((fn, i) => {
      const args = (argsArray[i] ?? []) as unknown[]
      if (fn === OPS.save) saved.push(ctm)
      else if (fn === OPS.restore) ctm = saved.pop() ?? [1, 0, 0, 1, 0, 0]
      else if (fn === OPS.transform) ctm = concatMatrix(args.map(Number) as unknown as Matrix, ctm)
      else if (fn === OPS.paintImageXObject) {
        images.push({
          page: n,
          width: Number(args[1]),
          height: Number(args[2]),
          drawnWidth: Math.hypot(ctm[0], ctm[1]),
          drawnHeight: Math.hypot(ctm[2], ctm[3]),
          boxWidth: Math.abs(ctm[0]) + Math.abs(ctm[2]),
          boxHeight: Math.abs(ctm[1]) + Math.abs(ctm[3]),
          left: Math.min(ctm[4], ctm[4] + ctm[0]),
          bottom: Math.min(ctm[5], ctm[5] + ctm[1], ctm[5] + ctm[3], ctm[5] + ctm[1] + ctm[3]),
        })
      }
    })
  }
  await pdf.destroy()
  return images
}

export interface PdfImagePixels {
  readonly width: number
  readonly height: number
  /** The colour pdf.js decodes at a pixel (0–255 each), as a viewer shows it: a CMYK image turned into RGB. */
  rgb(x: number, y: number): readonly [number, number, number]
}

/** pdf.js's ImageKind: 8-bit RGB or RGBA pixels. */
const IMAGE_KIND_CHANNELS: Readonly<Record<number, number>> = { 2: 3, 3: 4 }

/** The pixels of the images pdf.js paints, decoded by pdf.js itself (its own JPEG decoder included). */
export async function readPdfImagePixels(bytes: Uint8Array): Promise<PdfImagePixels[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise
  const images: PdfImagePixels[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const { fnArray, argsArray } = await page.getOperatorList()
    fnArray.forEach((fn, i) => {
      if (fn !== OPS.paintImageXObject) return
      const id = String(((argsArray[i] ?? []) as unknown[])[0])
      // The operator list has decoded the image into the page's objects by now.
      const image = page.objs.get(id) as { width: number; height: number; kind: number; data: Uint8Array }
      const channels = IMAGE_KIND_CHANNELS[image.kind]
      if (!channels) throw new Error(`pdf.js image kind ${image.kind} is not read here`)
      images.push({
        width: image.width,
        height: image.height,
        rgb: (x, y) => {
          const at = (y * image.width + x) * channels
          return [image.data[at] ?? -1, image.data[at + 1] ?? -1, image.data[at + 2] ?? -1]
        },
      })
    })
  }
  await pdf.destroy()
  return images
}

export interface PdfFigure {
  readonly page: number
  readonly alt: string | null
  /** The roles of the structure elements around it, outermost first: ['Document', 'Table', 'TR', 'TD']. */
  readonly within: readonly string[]
}

interface PdfStructNode {
  readonly role?: string
  readonly alt?: string
  /** "content" for a marked-content sequence, whose id the page's text content names. */
  readonly type?: string
  readonly id?: string
  readonly children?: readonly PdfStructNode[]
}

/** The Figure elements of the structure tree, as a screen reader finds them through pdf.js. */
export async function readPdfFigures(bytes: Uint8Array): Promise<PdfFigure[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise
  const figures: PdfFigure[] = []
  const walk = (node: PdfStructNode, page: number, within: readonly string[]) => {
    if (node.role === 'Figure') figures.push({ page, alt: node.alt ?? null, within })
    const path = node.role && node.role !== 'Root' ? [...within, node.role] : within
    for (const child of node.children ?? []) walk(child, page, path)
  }
  for (let n = 1; n <= pdf.numPages; n++) {
    const tree = (await (await pdf.getPage(n)).getStructTree()) as PdfStructNode | null
    if (tree) walk(tree, n, [])
  }
  await pdf.destroy()
  return figures
}

export interface PdfElement {
  readonly role: string
  readonly page: number
  /** The text of its own marked content (not its child elements'), on one line. */
  readonly text: string
  readonly alt: string | null
  /** The roles of the structure elements around it, outermost first. */
  readonly within: readonly string[]
}

/**
 * Every element of the structure tree in reading order (parents before their children), with the text
 * it holds itself: to see what a screen reader meets after what (a Figure, then its Caption).
 */
export async function readPdfElements(bytes: Uint8Array): Promise<PdfElement[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise
  const elements: PdfElement[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    // The text of each marked-content sequence, by the id the structure tree refers to it with.
    const marked = new Map<string, string>()
    const open: string[] = []
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ('str' in item) {
        for (const id of open) marked.set(id, `${marked.get(id) ?? ''}${item.str}${item.hasEOL ? ' ' : ''}`)
      } else if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        open.push(item.id ?? '')
      } else if (item.type === 'endMarkedContent') open.pop()
    }
    const walk = (node: PdfStructNode, within: readonly string[]) => {
      const own = (node.children ?? [])
        .map((child) => (child.type === 'content' ? (marked.get(child.id ?? '') ?? '') : ''))
        .join('')
      if (node.role && node.role !== 'Root') {
        elements.push({
          role: node.role,
          page: n,
          text: own.replace(/\s+/g, ' ').trim(),
          alt: node.alt ?? null,
          within,
        })
      }
      const path = node.role && node.role !== 'Root' ? [...within, node.role] : within
      for (const child of node.children ?? []) walk(child, path)
    }
    const tree = (await page.getStructTree()) as PdfStructNode | null
    if (tree) walk(tree, [])
  }
  await pdf.destroy()
  return elements
}

export function unzip(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes)
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, new TextDecoder().decode(data)]))
}

export async function readDocx(bytes: Uint8Array): Promise<ReadBack & { readonly xml: string }> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
  const files = unzip(bytes)
  const rels = files['word/_rels/document.xml.rels'] ?? ''
  const links = [...rels.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)].map((m) => decodeXml(m[1] ?? ''))
  return { text: value, links, xml: files['word/document.xml'] ?? '' }
}

export interface DocxDrawing {
  /** wp:docPr: the description (alternative text) and name Word shows. */
  readonly description: string | null
  readonly name: string
  readonly id: string
  /** wp:extent, in EMU (914400 an inch). */
  readonly widthEmu: number
  readonly heightEmu: number
  /** The part the picture's relationship points to, e.g. "word/media/<hash>.png". */
  readonly part: string
  /** Whether the drawing stands in a table cell (w:tc). */
  readonly inTableCell: boolean
  /** The w:ind left of its paragraph, in twips (0 when none). */
  readonly indent: number
}

/** The pictures of a DOCX: the media parts' bytes and each drawing in document.xml. */
export function readDocxImages(bytes: Uint8Array): {
  readonly media: Readonly<Record<string, Uint8Array>>
  readonly drawings: readonly DocxDrawing[]
} {
  const files = unzipSync(bytes)
  const media = Object.fromEntries(
    Object.entries(files).filter(([name]) => name.startsWith('word/media/') && !name.endsWith('/')),
  )
  const decoder = new TextDecoder()
  const xml = decoder.decode(files['word/document.xml'] ?? new Uint8Array())
  const rels = decoder.decode(files['word/_rels/document.xml.rels'] ?? new Uint8Array())
  const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] ?? ''
  const attribute = (element: string, name: string) => {
    const value = new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1]
    return value === undefined ? null : decodeXml(value)
  }
  const drawings = [...xml.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].map((match): DocxDrawing => {
    const drawing = match[0]
    const before = xml.slice(0, match.index)
    const docPr = /<wp:docPr\b[^>]*>/.exec(drawing)?.[0] ?? ''
    const paragraph = before.slice(before.lastIndexOf('<w:p>'))
    return {
      description: attribute(docPr, 'descr'),
      name: attribute(docPr, 'name') ?? '',
      id: attribute(docPr, 'id') ?? '',
      widthEmu: Number(/<wp:extent cx="(\d+)"/.exec(drawing)?.[1]),
      heightEmu: Number(/<wp:extent cx="\d+" cy="(\d+)"/.exec(drawing)?.[1]),
      part: `word/${target(/r:embed="([^"]*)"/.exec(drawing)?.[1] ?? '')}`,
      inTableCell: before.lastIndexOf('<w:tc>') > before.lastIndexOf('</w:tc>'),
      indent: Number(/<w:ind w:left="(\d+)"/.exec(paragraph)?.[1] ?? 0),
    }
  })
  return { media, drawings }
}

export interface DocxParagraph {
  /** Its w:pStyle ("Caption", "Heading1"), or null for the default. */
  readonly style: string | null
  /** Whether it carries a list number or bullet (w:numPr). */
  readonly numbered: boolean
  /** Whether Word keeps it on the page of the next paragraph (w:keepNext). */
  readonly keepNext: boolean
  /** Its w:ind left, in twips (0 when none). */
  readonly indent: number
  /** The description of the picture it holds, or null. */
  readonly picture: string | null
  readonly text: string
  /** Whether it stands in a table cell (w:tc). */
  readonly inTableCell: boolean
}

/** The paragraphs of a DOCX's document.xml in order, as Word lays them out: style, numbering, picture, text. */
export function readDocxParagraphs(bytes: Uint8Array): DocxParagraph[] {
  const xml = unzip(bytes)['word/document.xml'] ?? ''
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((match): DocxParagraph => {
    const body = match[0]
    const before = xml.slice(0, match.index)
    const descr = /<wp:docPr\b[^>]*\sdescr="([^"]*)"/.exec(body)?.[1]
    return {
      style: /<w:pStyle w:val="([^"]*)"/.exec(body)?.[1] ?? null,
      numbered: body.includes('<w:numPr>'),
      keepNext: /<w:keepNext\/>|<w:keepNext w:val="(?:true|1|on)"\/>/.test(body),
      indent: Number(/<w:ind w:left="(\d+)"/.exec(body)?.[1] ?? 0),
      picture: descr === undefined ? null : decodeXml(descr),
      text: decodeXml([...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
      inTableCell: before.lastIndexOf('<w:tc>') > before.lastIndexOf('</w:tc>'),
    }
  })
}

/** DOCX as mammoth's HTML, which keeps tables (rows, th/td, colspan, rowspan). */
export async function readDocxHtml(bytes: Uint8Array): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value
}

export interface HtmlCell {
  readonly tag: string
  readonly text: string
  readonly colspan: number
  readonly rowspan: number
}

/** The tables in HTML (mammoth's or markdown-it's) as rows of cells. Nested tables are not read. */
export function htmlTables(html: string): HtmlCell[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table = '']) =>
    [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row = '']) =>
      [...row.matchAll(/<(th|td)([^>]*)>([\s\S]*?)<\/\1>/g)].map(([, tag = '', attributes = '', inner = '']) => ({
        tag,
        // Paragraphs and list items in a cell are separate words; inline markup is not.
        text: decodeXml(inner.replace(/<\/?(p|li|ul|ol|br)\b[^>]*>/g, ' ').replace(/<[^>]*>/g, ''))
          .replace(/\s+/g, ' ')
          .trim(),
        colspan: Number(/colspan="(\d+)"/.exec(attributes)?.[1] ?? 1),
        rowspan: Number(/rowspan="(\d+)"/.exec(attributes)?.[1] ?? 1),
      })),
    ),
  )
}

export type OdtCell =
  | { readonly covered: true }
  | { readonly covered: false; readonly text: string; readonly colSpan: number; readonly rowSpan: number }

export interface OdtTable {
  /** Columns declared by table:table-column (with their repeats). */
  readonly columns: number
  /** Rows inside table:table-header-rows. */
  readonly headerRows: number
  readonly rows: readonly (readonly OdtCell[])[]
}

/** The top-level tables of an ODT's content.xml, row by row, covered cells included. */
export function readOdtTables(bytes: Uint8Array): OdtTable[] {
  const content = create(unzip(bytes)['content.xml'] ?? '<empty/>').root()
  const tables: OdtTable[] = []
  content.each(
    (node) => {
      const dom = node.node as unknown as DomNode
      if (dom.nodeName === 'table:table' && !insideTable(dom)) tables.push(odtTable(dom))
    },
    false,
    true,
  )
  return tables
}

function insideTable(node: DomNode): boolean {
  for (let up = node.parentNode; up; up = up.parentNode) if (up.nodeName === 'table:table') return true
  return false
}

function odtTable(table: DomNode): OdtTable {
  let columns = 0
  let headerRows = 0
  const rows: OdtCell[][] = []
  const readRow = (row: DomNode) =>
    rows.push(
      Array.from(row.childNodes).flatMap((cell): OdtCell[] => {
        if (cell.nodeName === 'table:covered-table-cell') return [{ covered: true }]
        if (cell.nodeName !== 'table:table-cell') return []
        return [
          {
            covered: false,
            text: (cell.textContent ?? '').trim(),
            colSpan: Number(cell.getAttribute?.('table:number-columns-spanned') ?? 1),
            rowSpan: Number(cell.getAttribute?.('table:number-rows-spanned') ?? 1),
          },
        ]
      }),
    )
  for (const child of Array.from(table.childNodes)) {
    if (child.nodeName === 'table:table-column') {
      columns += Number(child.getAttribute?.('table:number-columns-repeated') ?? 1)
    } else if (child.nodeName === 'table:table-header-rows') {
      for (const row of Array.from(child.childNodes)) {
        if (row.nodeName !== 'table:table-row') continue
        headerRows++
        readRow(row)
      }
    } else if (child.nodeName === 'table:table-row') readRow(child)
  }
  return { columns, headerRows, rows }
}

export interface OdtFrame {
  /** draw:image's xlink:href, e.g. "Pictures/afbeelding-1.png". */
  readonly href: string
  readonly mimeType: string | null
  readonly title: string | null
  readonly description: string | null
  readonly anchor: string | null
  /** svg:width and svg:height as written, e.g. "30.00pt". */
  readonly width: string
  readonly height: string
  /** The element names around the frame, outermost first: [..., 'table:table-cell', 'text:p']. */
  readonly within: readonly string[]
}

/** The pictures of an ODT: the parts under Pictures/, the manifest's media types, and each draw:frame. */
export function readOdtImages(bytes: Uint8Array): {
  readonly pictures: Readonly<Record<string, Uint8Array>>
  readonly manifest: Readonly<Record<string, string>>
  readonly frames: readonly OdtFrame[]
} {
  const files = unzipSync(bytes)
  const text = (name: string) => new TextDecoder().decode(files[name] ?? new TextEncoder().encode('<empty/>'))
  const pictures = Object.fromEntries(
    Object.entries(files).filter(([name]) => name.startsWith('Pictures/') && !name.endsWith('/')),
  )
  const manifest = Object.fromEntries(
    [...text('META-INF/manifest.xml').matchAll(/manifest:full-path="([^"]*)" manifest:media-type="([^"]*)"/g)].map(
      ([, path = '', type = '']) => [path, type],
    ),
  )
  const frames: OdtFrame[] = []
  create(text('content.xml'))
    .root()
    .each(
      (node) => {
        const dom = node.node as unknown as DomNode
        if (dom.nodeName !== 'draw:frame') return
        const children = Array.from(dom.childNodes)
        const child = (name: string) => children.find((c) => c.nodeName === name)
        const within: string[] = []
        for (let up = dom.parentNode; up && up.nodeName !== 'office:text'; up = up.parentNode)
          within.unshift(up.nodeName)
        frames.push({
          href: child('draw:image')?.getAttribute?.('xlink:href') ?? '',
          mimeType: child('draw:image')?.getAttribute?.('draw:mime-type') ?? null,
          title: child('svg:title')?.textContent ?? null,
          description: child('svg:desc')?.textContent ?? null,
          anchor: dom.getAttribute?.('text:anchor-type') ?? null,
          width: dom.getAttribute?.('svg:width') ?? '',
          height: dom.getAttribute?.('svg:height') ?? '',
          within,
        })
      },
      false,
      true,
    )
  return { pictures, manifest, frames }
}

export interface OdtParagraph {
  /** Its text:style-name. */
  readonly style: string
  readonly text: string
  /** Whether it holds an image's draw:frame. */
  readonly frame: boolean
  /** The element names around it, outermost first: [..., 'text:list', 'text:list-item']. */
  readonly within: readonly string[]
}

/** The paragraphs and headings of an ODT's content.xml in order, with their style, text and frames. */
export function readOdtParagraphs(bytes: Uint8Array): OdtParagraph[] {
  const paragraphs: OdtParagraph[] = []
  create(unzip(bytes)['content.xml'] ?? '<empty/>')
    .root()
    .each(
      (node) => {
        const dom = node.node as unknown as DomNode
        if (dom.nodeName !== 'text:p' && dom.nodeName !== 'text:h') return
        const within: string[] = []
        for (let up = dom.parentNode; up && up.nodeName !== 'office:text'; up = up.parentNode)
          within.unshift(up.nodeName)
        paragraphs.push({
          style: dom.getAttribute?.('text:style-name') ?? '',
          text: odfText(dom),
          frame: Array.from(dom.childNodes).some((child) => child.nodeName === 'draw:frame'),
          within,
        })
      },
      false,
      true,
    )
  return paragraphs
}

export interface OdtStyle {
  readonly parent: string | null
  readonly className: string | null
  /** The attributes of its style:paragraph-properties and style:text-properties. */
  readonly paragraph: Readonly<Record<string, string>>
  readonly text: Readonly<Record<string, string>>
}

/** A style of an ODT by name, from content.xml's automatic styles or styles.xml; null when neither has it. */
export function readOdtStyle(bytes: Uint8Array, name: string): OdtStyle | null {
  const files = unzip(bytes)
  for (const part of ['content.xml', 'styles.xml']) {
    let found: OdtStyle | null = null
    create(files[part] ?? '<empty/>')
      .root()
      .each(
        (node) => {
          const dom = node.node as unknown as DomNode & {
            readonly attributes?: ArrayLike<{ name: string; value: string }>
          }
          if (found || dom.nodeName !== 'style:style' || dom.getAttribute?.('style:name') !== name) return
          const properties = (element: string) => {
            const child = Array.from(dom.childNodes).find((c) => c.nodeName === element) as typeof dom | undefined
            return Object.fromEntries(Array.from(child?.attributes ?? []).map((a) => [a.name, a.value]))
          }
          found = {
            parent: dom.getAttribute?.('style:parent-style-name') ?? null,
            className: dom.getAttribute?.('style:class') ?? null,
            paragraph: properties('style:paragraph-properties'),
            text: properties('style:text-properties'),
          }
        },
        false,
        true,
      )
    if (found) return found
  }
  return null
}

export function readOdt(bytes: Uint8Array): ReadBack & {
  readonly files: Record<string, string>
  readonly firstEntry: string
  readonly firstEntryStored: boolean
} {
  const files = unzip(bytes)
  const content = create(files['content.xml'] ?? '<empty/>').root()
  const lines: string[] = []
  const links: string[] = []
  // Each paragraph or heading is a line; text:s, text:tab and text:line-break stand for their spacing.
  content.each(
    (node) => {
      // xmlbuilder2 hands out its own DOM; the few members read here are standard DOM.
      const dom = node.node as unknown as DomNode
      if (dom.nodeName === 'text:p' || dom.nodeName === 'text:h') lines.push(odfText(dom))
      if (dom.nodeName === 'text:a') links.push(dom.getAttribute?.('xlink:href') ?? '')
    },
    false,
    true,
  )
  // Local file header: signature (4), version (2), flags (2), method (2) … name length at 26, name at 30.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const nameLength = view.getUint16(26, true)
  const firstEntry = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength))
  return { text: lines.join('\n'), links, files, firstEntry, firstEntryStored: view.getUint16(8, true) === 0 }
}

/**
 * Who the file says it is from, as a reader's software shows it in the document's properties: the PDF's
 * document info Author and its XMP dc:creator (what a PDF/A archive reads), DOCX docProps/core.xml
 * dc:creator, ODT meta.xml meta:initial-creator and dc:creator. A Markdown file has no such place.
 */
export async function readAuthors(format: 'pdf' | 'docx' | 'odt' | 'md', bytes: Uint8Array): Promise<string[]> {
  const elements = (xml: string, name: string): string[] =>
    [...xml.matchAll(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`, 'g'))].map((m) => decodeXml(m[1] ?? ''))
  if (format === 'docx') return elements(unzip(bytes)['docProps/core.xml'] ?? '', 'dc:creator')
  if (format === 'odt') {
    const meta = unzip(bytes)['meta.xml'] ?? ''
    return [...elements(meta, 'meta:initial-creator'), ...elements(meta, 'dc:creator')]
  }
  if (format === 'md') return []
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise
  const { info, metadata } = await pdf.getMetadata()
  await pdf.destroy()
  const author = (info as { Author?: unknown }).Author
  const xmpCreator: unknown = metadata?.get('dc:creator')
  return [
    ...(typeof author === 'string' ? [author] : []),
    ...(Array.isArray(xmpCreator) ? xmpCreator.map(String) : typeof xmpCreator === 'string' ? [xmpCreator] : []),
  ]
}

/**
 * Markdown as a reader's viewer shows it: rendered by markdown-it with raw HTML and linkify switched on
 * (the permissive settings), so only our own escaping can keep user text from becoming markup.
 */
export function readMarkdown(bytes: Uint8Array): ReadBack & { readonly html: string; readonly source: string } {
  const source = new TextDecoder().decode(bytes)
  const html = new MarkdownIt({ html: true, linkify: true }).render(source)
  const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => decodeXml(m[1] ?? ''))
  const text = decodeXml(html.replace(/<\/(p|h\d|li|pre|blockquote|th|td)>|<br>/g, '\n').replace(/<[^>]*>/g, ''))
  return { text, links, html, source }
}

interface DomNode {
  readonly nodeName: string
  readonly nodeType: number
  readonly textContent: string | null
  readonly childNodes: ArrayLike<DomNode>
  readonly parentNode: DomNode | null
  getAttribute?(name: string): string | null
}

function odfText(node: DomNode): string {
  let out = ''
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out += child.textContent ?? ''
    else if (child.nodeName === 'text:s') out += ' '.repeat(Number(child.getAttribute?.('text:c') ?? '1'))
    else if (child.nodeName === 'text:tab') out += '\t'
    else if (child.nodeName === 'text:line-break') out += '\n'
    // A list or nested paragraph is read on its own; an image's title and description are not seen.
    else if (!['text:list', 'text:p', 'draw:frame'].includes(child.nodeName)) out += odfText(child)
  }
  return out
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeXml(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return ENTITIES[name] ?? ''
  })
}
