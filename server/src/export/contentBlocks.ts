// Section content (ProseMirror JSON from the Tiptap StarterKit) turned into a small, format-neutral
// block model that all four renderers share. Everything about the editor's schema lives here: which
// node is a list, which mark is bold, how a link is made safe, how a cross-document reference reads.
// Unknown node types keep their text, so a future extension never makes text vanish from the dossier.
// An image is a block that names its picture by `src`; the renderers find the bytes in the dossier.
import type { CanonicalMark, CanonicalNode } from '@novex/shared'
import { LABELS } from './dossierText.ts'
import { safeHref } from './safeHref.ts'
import { tableFitsGrid } from './tableGrid.ts'

export interface InlineMarks {
  readonly bold: boolean
  readonly italic: boolean
  readonly underline: boolean
  readonly strike: boolean
  readonly code: boolean
}

export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly marks: InlineMarks; readonly href: string | null }
  | { readonly kind: 'break' }

export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly inlines: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly Block[][] }
  | { readonly kind: 'quote'; readonly blocks: readonly Block[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'rule' }
  | { readonly kind: 'table'; readonly rows: readonly TableRow[] }
  | ImageBlock

/**
 * An image node. `alt` is '' when the editor has none; `caption` is the visible line under the image
 * (null when it has none); `widthPx`/`heightPx` are the size the editor shows it at (CSS pixels), when it
 * has one. An image without an address has `src` ''.
 */
export interface ImageBlock {
  readonly kind: 'image'
  readonly src: string
  readonly alt: string
  readonly caption: string | null
  readonly widthPx: number | null
  readonly heightPx: number | null
}

export interface TableRow {
  /** Every cell is a header cell: a header row (repeated on each page, the GFM header row). */
  readonly header: boolean
  readonly cells: readonly TableCell[]
}

export interface TableCell {
  readonly header: boolean
  /** 1..MAX_SPAN (a larger span, only in a damaged document, is cut back); tableGrid.ts cuts spans that run off the grid or into a neighbour. */
  readonly colSpan: number
  readonly rowSpan: number
  readonly blocks: readonly Block[]
}

export const NO_MARKS: InlineMarks = { bold: false, italic: false, underline: false, strike: false, code: false }

export const MAX_HEADING_LEVEL = 6

/**
 * A span beyond this is a damaged document, not a layout anyone made: it is cut back. The content
 * policy's bound (@novex/shared's MAX_TABLE_SPAN; a unit test keeps them equal). Not imported: this
 * file runs in the export pool's worker threads, which load no workspace package at run time (only
 * its types), and a run-time import of @novex/shared there fails to load the worker.
 */
export const MAX_SPAN = 64

export function text(value: string, marks: Partial<InlineMarks> = {}, href: string | null = null): Inline {
  return { kind: 'text', text: cleanText(value), marks: { ...NO_MARKS, ...marks }, href }
}

// Control characters are not allowed in XML 1.0 (DOCX, ODT) and mean nothing in a document.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g

export function cleanText(value: string): string {
  return value.replace(CONTROL_CHARACTERS, '')
}

/** The blocks of a section whose heading sits at `sectionLevel`; content headings nest below it. */
export function contentBlocks(nodes: readonly CanonicalNode[], sectionLevel: number): Block[] {
  return nodes.flatMap((node) => blockOf(node, sectionLevel))
}

function children(node: CanonicalNode): readonly CanonicalNode[] {
  return 'content' in node && node.content ? node.content : []
}

function attr(node: CanonicalNode, name: string): unknown {
  return 'attrs' in node && node.attrs ? node.attrs[name] : undefined
}

function stringAttr(node: CanonicalNode, name: string): string {
  const value = attr(node, name)
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

function intAttr(node: CanonicalNode, name: string, fallback: number): number {
  const value = Number(attr(node, name))
  return Number.isInteger(value) ? value : fallback
}

const BLOCK_TYPES: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'codeBlock',
  'horizontalRule',
  'table',
  'tableRow',
  'tableCell',
  'tableHeader',
  'image',
])

function blockOf(node: CanonicalNode, sectionLevel: number): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', inlines: trimBreaks(inlinesOf(children(node))) }]
    case 'heading': {
      const level = Math.min(Math.max(intAttr(node, 'level', 1), 1), MAX_HEADING_LEVEL)
      return [
        {
          kind: 'heading',
          level: Math.min(sectionLevel + level, MAX_HEADING_LEVEL),
          inlines: inlinesOf(children(node)),
        },
      ]
    }
    case 'bulletList':
    case 'orderedList':
      return [
        {
          kind: 'list',
          ordered: node.type === 'orderedList',
          start: Math.max(intAttr(node, 'start', 1), 0),
          items: children(node).map((item) => itemBlocks(item, sectionLevel)),
        },
      ]
    case 'listItem':
      // A list item outside a list: keep its content rather than invent a list.
      return contentBlocks(children(node), sectionLevel)
    case 'blockquote':
      return [{ kind: 'quote', blocks: contentBlocks(children(node), sectionLevel) }]
    case 'codeBlock':
      return [{ kind: 'code', text: cleanText(plainText(children(node))) }]
    case 'horizontalRule':
      return [{ kind: 'rule' }]
    case 'table':
      return tableBlocks(children(node), sectionLevel)
    case 'tableRow':
      // A row outside a table is still a row: a table of one row.
      return tableBlocks([node], sectionLevel)
    case 'tableCell':
    case 'tableHeader':
      // A cell outside a row: keep its content rather than invent a table.
      return contentBlocks(children(node), sectionLevel)
    case 'image':
      return imageBlocks(node)
    default:
      return unknownBlock(node, sectionLevel)
  }
}

/**
 * An image as a block. One without an address still shows its alternative text and caption (as a missing
 * image); one with none of them has nothing to show.
 */
function imageBlocks(node: CanonicalNode): Block[] {
  const src = attr(node, 'src')
  const alt = imageAlt(node)
  const caption = imageCaption(node)
  if (typeof src !== 'string' && !alt && caption === null) return []
  return [
    {
      kind: 'image',
      src: typeof src === 'string' ? src : '',
      alt,
      caption,
      widthPx: pixelAttr(node, 'width'),
      heightPx: pixelAttr(node, 'height'),
    },
  ]
}

function imageAlt(node: CanonicalNode): string {
  return oneLine(attr(node, 'alt'))
}

/**
 * The visible line under an image, or null when it has none: as @novex/shared's imageCaption reads it
 * (trimmed), not imported for the reason given at MAX_SPAN. Its whitespace is collapsed as the alt text's
 * is: the editor shows it as one line, and a stray newline would break a Markdown line or a PDF line.
 */
function imageCaption(node: CanonicalNode): string | null {
  return oneLine(attr(node, 'caption')) || null
}

/** A string attribute as one line of clean text; '' when it is not a string. */
function oneLine(value: unknown): string {
  return typeof value === 'string' ? cleanText(value).replace(/\s+/g, ' ').trim() : ''
}

/** A width or height attribute in pixels: a positive integer, or null (the image's own size then counts). */
function pixelAttr(node: CanonicalNode, name: string): number | null {
  const value = attr(node, name)
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null
}

function itemBlocks(item: CanonicalNode, sectionLevel: number): Block[] {
  return item.type === 'listItem' ? contentBlocks(children(item), sectionLevel) : blockOf(item, sectionLevel)
}

/**
 * The rows of a table. The editor's schema is table > tableRow > tableCell | tableHeader, but a damaged
 * document may hold a cell directly in the table or a paragraph directly in a row: such a node becomes a
 * row or a cell of its own, in place, so its text stays where it was. A table without cells has nothing
 * to show; one whose grid would be absurdly large (only a crafted document gets there) keeps its cells'
 * blocks one after another.
 */
function tableBlocks(nodes: readonly CanonicalNode[], sectionLevel: number): Block[] {
  const rows: TableRow[] = []
  let stray: TableCell[] = []
  const flushStray = () => {
    if (stray.length > 0) rows.push(tableRow(stray))
    stray = []
  }
  for (const node of nodes) {
    if (isCell(node)) {
      // Neighbouring cells outside a row read as one row.
      stray.push(tableCell(node, sectionLevel))
      continue
    }
    flushStray()
    rows.push(
      tableRow(
        node.type === 'tableRow'
          ? children(node).map((cell) => tableCell(cell, sectionLevel))
          : [tableCell(node, sectionLevel)],
      ),
    )
  }
  flushStray()
  if (!rows.some((row) => row.cells.length > 0)) return []
  if (!tableFitsGrid(rows)) return rows.flatMap((row) => row.cells.flatMap((cell) => cell.blocks))
  return [{ kind: 'table', rows }]
}

function isCell(node: CanonicalNode): boolean {
  return node.type === 'tableCell' || node.type === 'tableHeader'
}

function tableRow(cells: TableCell[]): TableRow {
  return { header: cells.length > 0 && cells.every((cell) => cell.header), cells }
}

/** A cell, or any other node where a cell belongs, as a plain cell holding that node. */
function tableCell(node: CanonicalNode, sectionLevel: number): TableCell {
  if (!isCell(node)) return { header: false, colSpan: 1, rowSpan: 1, blocks: blockOf(node, sectionLevel) }
  return {
    header: node.type === 'tableHeader',
    colSpan: span(node, 'colspan'),
    rowSpan: span(node, 'rowspan'),
    blocks: contentBlocks(children(node), sectionLevel),
  }
}

function span(node: CanonicalNode, name: string): number {
  return Math.min(Math.max(intAttr(node, name, 1), 1), MAX_SPAN)
}

/**
 * An unknown node at block level: its blocks if it wraps blocks at any depth (a details block holds
 * paragraphs), otherwise its text as one paragraph.
 */
function unknownBlock(node: CanonicalNode, sectionLevel: number): Block[] {
  const kids = children(node)
  if (kids.some(containsBlock)) return contentBlocks(kids, sectionLevel)
  const inlines = inlinesOf([node])
  return inlines.length > 0 ? [{ kind: 'paragraph', inlines }] : []
}

function containsBlock(node: CanonicalNode): boolean {
  return BLOCK_TYPES.has(node.type) || children(node).some(containsBlock)
}

/** Breaks at the start or end of a paragraph show nothing but an empty line: drop them. */
function trimBreaks(inlines: Inline[]): Inline[] {
  let start = 0
  let end = inlines.length
  while (start < end && inlines[start]?.kind === 'break') start++
  while (end > start && inlines[end - 1]?.kind === 'break') end--
  return inlines.slice(start, end)
}

export function inlinesOf(nodes: readonly CanonicalNode[], inherited: readonly CanonicalMark[] = []): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    if (node.type === 'text' && 'text' in node) {
      out.push(styled(node.text, [...inherited, ...(node.marks ?? [])]))
    } else if (node.type === 'hardBreak') {
      out.push({ kind: 'break' })
    } else if (node.type === 'sectionLink') {
      out.push(styled(sectionReference(node), inherited))
    } else if (node.type === 'image') {
      // An image where text belongs (only a damaged document has one) keeps its alternative text and
      // its caption.
      const alt = imageAlt(node)
      const caption = imageCaption(node)
      const shown = [alt ? `[${LABELS.image}: ${alt}]` : '', caption ?? ''].filter(Boolean).join(' ')
      if (shown) out.push(styled(shown, inherited))
    } else {
      // Unknown inline node, or a block where an inline was expected: keep its text.
      const kids = children(node)
      if (kids.length > 0) out.push(...inlinesOf(kids, inherited))
      else {
        const value = attr(node, 'text') ?? attr(node, 'label') ?? attr(node, 'value')
        if (typeof value === 'string' && value) out.push(styled(value, inherited))
      }
    }
  }
  return out.filter((inline) => inline.kind === 'break' || inline.text.length > 0)
}

/** A reference to a section of this or another document, readable on paper. */
export function sectionReference(node: CanonicalNode): string {
  const documentTitle = stringAttr(node, 'documentTitle').trim()
  const number = stringAttr(node, 'number').trim()
  const title = stringAttr(node, 'title').trim()
  const where = [number ? `§ ${number}` : '', title].filter(Boolean).join(' ')
  return ['zie', [documentTitle, where].filter(Boolean).join(', ')].filter(Boolean).join(' ')
}

function styled(value: string, marks: readonly CanonicalMark[]): Inline {
  const names = new Set(marks.map((mark) => mark.type))
  const link = marks.find((mark) => mark.type === 'link')
  return text(
    value,
    {
      bold: names.has('bold'),
      italic: names.has('italic'),
      underline: names.has('underline'),
      strike: names.has('strike'),
      code: names.has('code'),
    },
    link ? safeHref(link.attrs?.href) : null,
  )
}

/** All text below the nodes, for code blocks (whose marks and breaks do not matter). */
export function plainText(nodes: readonly CanonicalNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text' && 'text' in node) return node.text
      if (node.type === 'hardBreak') return '\n'
      return plainText(children(node))
    })
    .join('')
}

/** The blocks with all their text bold: a header cell's content, in the formats without a cell style. */
export function emboldened(blocks: readonly Block[]): Block[] {
  return blocks.map(emboldenedBlock)
}

function emboldenedBlock(block: Block): Block {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return {
        ...block,
        inlines: block.inlines.map((inline) =>
          inline.kind === 'text' ? { ...inline, marks: { ...inline.marks, bold: true } } : inline,
        ),
      }
    case 'list':
      return { ...block, items: block.items.map(emboldened) }
    case 'quote':
      return { ...block, blocks: emboldened(block.blocks) }
    case 'table':
      return {
        ...block,
        rows: block.rows.map((row) => ({
          ...row,
          cells: row.cells.map((cell) => ({ ...cell, blocks: emboldened(cell.blocks) })),
        })),
      }
    case 'code':
    case 'rule':
    case 'image':
      return block
  }
}

/**
 * The blocks with each image, at any depth, replaced by the blocks `replace` makes of it (an image and its
 * caption may become two paragraphs).
 */
export function replaceImages(blocks: readonly Block[], replace: (image: ImageBlock) => readonly Block[]): Block[] {
  return blocks.flatMap((block) => replaceImage(block, replace))
}

function replaceImage(block: Block, replace: (image: ImageBlock) => readonly Block[]): readonly Block[] {
  switch (block.kind) {
    case 'image':
      return replace(block)
    case 'list':
      return [{ ...block, items: block.items.map((item) => replaceImages(item, replace)) }]
    case 'quote':
      return [{ ...block, blocks: replaceImages(block.blocks, replace) }]
    case 'table':
      return [
        {
          ...block,
          rows: block.rows.map((row) => ({
            ...row,
            cells: row.cells.map((cell) => ({ ...cell, blocks: replaceImages(cell.blocks, replace) })),
          })),
        },
      ]
    case 'heading':
    case 'paragraph':
    case 'code':
    case 'rule':
      return [block]
  }
}

/** The text of inlines without marks: for bookmarks, metadata and tests. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.kind === 'break' ? '\n' : inline.text)).join('')
}
