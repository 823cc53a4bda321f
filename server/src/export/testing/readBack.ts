// Opens rendered files the way a reader's software would and returns their text, so the tests check
// what a person would see rather than how we wrote it: pdf.js (Firefox's PDF engine) for PDF, mammoth
// for DOCX, and a plain unzip + XML parse for ODT. The table readers return a table's rows and cells as
// the reader's software sees them, so a test can tell a real table from paragraphs that hold its text.
import { unzipSync } from 'fflate'
import mammoth from 'mammoth'
import MarkdownIt from 'markdown-it'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
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
  /** In PDF units from the bottom left of the page. */
  readonly x: number
  readonly y: number
  readonly page: number
}

/** The pieces of text pdf.js finds, with where they stand: to see which texts share a line. */
export async function readPdfItems(bytes: Uint8Array): Promise<PdfTextItem[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise
  const items: PdfTextItem[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent()
    for (const item of content.items) {
      if ('str' in item && item.str.trim()) {
        items.push({ text: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, page: n })
      }
    }
  }
  await pdf.destroy()
  return items
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
    // A list or nested paragraph is read on its own.
    else if (child.nodeName !== 'text:list' && child.nodeName !== 'text:p') out += odfText(child)
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
