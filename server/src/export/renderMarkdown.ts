// The dossier as Markdown (CommonMark with GFM strikethrough and tables). User text is escaped so it
// stays text; the renderer emits no HTML at all, so underline (which Markdown lacks) is shown as plain
// text and a table cell holds one line. An image is named, not shown: Markdown has no place for its bytes
// and its address on the server needs a login, so a line in italics gives its alternative text (and a
// paragraph under it the image's caption).
import {
  type Block,
  emboldened,
  type ImageBlock,
  type Inline,
  replaceImages,
  type TableCell,
  text,
} from './contentBlocks.ts'
import type { Dossier } from './dossier.ts'
import { type DossierWriter, type OnProgress, type TitlePage, writeDossier } from './dossierLayout.ts'
import { imageLabel } from './dossierText.ts'
import { embeddableImage, missingImageBlock } from './embeddedImages.ts'
import { codeFence, codeSpan, escapeMarkdownText, linkDestination } from './markdownEscape.ts'
import { type TableGrid, tableGrid } from './tableGrid.ts'

export function renderMarkdown(dossier: Dossier, onProgress?: OnProgress): Promise<Uint8Array> {
  return writeDossier(dossier, markdownWriter(dossier.images), onProgress)
}

function markdownWriter(images: Dossier['images']): DossierWriter {
  /**
   * "*Afbeelding: <alt>*" for an image the other formats embed, the missing-image line for one they
   * cannot: the four formats agree on which images the dossier has. Then its caption (see captioned).
   */
  const named = (image: ImageBlock): Block[] =>
    captioned(
      embeddableImage(images, image.src)
        ? { kind: 'paragraph', inlines: [text(imageLabel(image.alt), { italic: true })] }
        : missingImageBlock(image.alt),
      image,
    )
  const chunks: string[] = []
  return {
    titlePage(page: TitlePage) {
      chunks.push(`# ${escapeMarkdownText(page.title, false)}`, `**${escapeMarkdownText(page.kind, false)}**`)
      chunks.push(page.facts.map((fact) => escapeMarkdownText(`${fact.label}: ${fact.value}`, true)).join('\\\n'))
    },
    blocks(blocks) {
      chunks.push(...replaceImages(blocks, named).map(blockMarkdown))
    },
    async finish() {
      return new TextEncoder().encode(`${chunks.join('\n\n')}\n`)
    },
  }
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      // The document title is the only level-1 heading; section levels shift one down.
      return `${'#'.repeat(Math.min(block.level + 1, 6))} ${inlinesMarkdown(block.inlines, 'heading')}`
    case 'paragraph':
      return inlinesMarkdown(block.inlines, 'paragraph')
    case 'list':
      return block.items.map((item, i) => listItem(item, block.ordered ? `${block.start + i}.` : '-')).join('\n')
    case 'quote':
      return prefixLines(block.blocks.map(blockMarkdown).join('\n\n'), '> ', '> ')
    case 'code': {
      const fence = codeFence(block.text)
      return `${fence}\n${block.text}\n${fence}`
    }
    case 'rule':
      return '---'
    case 'table':
      return tableMarkdown(tableGrid(block.rows))
    case 'image':
      // Not reached: the writer names each image first (replaceImages). Should one get here, its text stays.
      return captioned(missingImageBlock(block.alt), block).map(blockMarkdown).join('\n\n')
  }
}

/**
 * What stands for an image, then its caption, when it has one, as a paragraph of its own: plain text,
 * escaped as all user text is, as it stands under the picture in the other formats.
 */
function captioned(shown: Block, image: ImageBlock): Block[] {
  return image.caption === null ? [shown] : [shown, { kind: 'paragraph', inlines: [text(image.caption)] }]
}

/** Between the paragraphs, list items and rows that share one table cell. */
const CELL_JOINER = ' · '

/**
 * A GFM table. GFM has exactly one header row, the first: a table whose first row is not a header row
 * gets an empty one, so that no ordinary cell is shown as a header. Further header cells are bold. A
 * span is not repeated: the cells it covers stay empty.
 */
function tableMarkdown(grid: TableGrid): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  const rows = grid.slots.map((slots, r) =>
    line(slots.map((slot) => (slot.kind === 'cell' ? cellMarkdown(slot.at.cell, grid.headerRows > 0 && r === 0) : ''))),
  )
  const divider = line(new Array<string>(grid.columns).fill('---'))
  if (grid.headerRows === 0) rows.unshift(line(new Array<string>(grid.columns).fill('')))
  rows.splice(1, 0, divider)
  return rows.join('\n')
}

function cellMarkdown(cell: TableCell, inHeaderLine: boolean): string {
  // In the header line GFM makes a cell bold itself; elsewhere a header cell says so with bold text.
  return cellBlocks(cell.header && !inHeaderLine ? emboldened(cell.blocks) : cell.blocks)
}

/** A cell's blocks on one line: a table row ends at the line's end. */
function cellBlocks(blocks: readonly Block[]): string {
  return joinCell(blocks.map(cellBlock))
}

function cellBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return inlinesMarkdown(block.inlines, 'cell')
    case 'list':
      return joinCell(
        block.items.map((item, i) => {
          const text = cellBlocks(item)
          return block.ordered && text ? `${block.start + i}. ${text}` : text
        }),
      )
    case 'quote':
      return cellBlocks(block.blocks)
    case 'code':
      return cellCode(block.text)
    case 'rule':
      return ''
    case 'image':
      // Not reached, as in blockMarkdown.
      return joinCell(captioned(missingImageBlock(block.alt), block).map(cellBlock))
    case 'table':
      // GFM tables do not nest: the inner table's cells, row by row.
      return joinCell(
        block.rows.flatMap((row) =>
          row.cells.map((cell) => cellBlocks(cell.header ? emboldened(cell.blocks) : cell.blocks)),
        ),
      )
  }
}

function joinCell(parts: readonly string[]): string {
  return parts.filter(Boolean).join(CELL_JOINER)
}

/**
 * A code span inside a table cell. GFM splits a row at every unescaped pipe, even inside a code span, and
 * removes the backslash of an escaped one before reading the span: so `\|` there shows as `|`.
 */
function cellCode(value: string): string {
  return codeSpan(value).replace(/\|/g, '\\|')
}

function listItem(blocks: readonly Block[], marker: string): string {
  const body = blocks.map(blockMarkdown).join('\n\n') || ' '
  const indent = ' '.repeat(marker.length + 1)
  return prefixLines(body, `${marker} `, indent)
}

function prefixLines(body: string, first: string, rest: string): string {
  return body
    .split('\n')
    .map((line, i) => (i === 0 ? first : line ? rest : rest.trimEnd()) + line)
    .join('\n')
}

/**
 * Where inlines stand: in a paragraph a line break is kept and a line may start a block; a heading and
 * a table cell are one line, where a break is a space and nothing starts a block.
 */
type InlineContext = 'paragraph' | 'heading' | 'cell'

function inlinesMarkdown(inlines: readonly Inline[], context: InlineContext): string {
  const oneLine = context !== 'paragraph'
  let atLineStart = !oneLine
  let out = ''
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      out += oneLine ? ' ' : '\\\n'
      atLineStart = !oneLine
      continue
    }
    // A newline inside a text run is a line break in the editor's view too.
    inline.text.split('\n').forEach((line, i) => {
      if (i > 0) {
        out += oneLine ? ' ' : '\\\n'
        atLineStart = !oneLine
      }
      const styled = styledText(line, inline, atLineStart, context === 'cell')
      out += styled
      if (styled) atLineStart = false
    })
  }
  return out
}

function styledText(
  line: string,
  inline: Extract<Inline, { kind: 'text' }>,
  atLineStart: boolean,
  inCell: boolean,
): string {
  const { marks } = inline
  // Emphasis markers must touch non-space characters (CommonMark flanking rules): keep the spaces outside.
  const lead = line.match(/^\s*/)?.[0] ?? ''
  const trail = line.slice(lead.length).match(/\s*$/)?.[0] ?? ''
  const core = line.slice(lead.length, line.length - trail.length)
  if (!core) return atLineStart ? '' : line
  let out = marks.code ? (inCell ? cellCode(core) : codeSpan(core)) : escapeMarkdownText(core, atLineStart)
  if (marks.strike) out = `~~${out}~~`
  if (marks.italic) out = `*${out}*`
  if (marks.bold) out = `**${out}**`
  if (inline.href) out = `[${out}](${linkDestination(inline.href)})`
  return `${atLineStart ? '' : lead}${out}${trail}`
}
