// The dossier as Markdown (CommonMark with GFM strikethrough). User text is escaped so it stays text;
// the renderer emits no HTML at all, so underline (which Markdown lacks) is shown as plain text.
import type { Block, Inline } from './contentBlocks.ts'
import type { Dossier } from './dossier.ts'
import { type DossierWriter, type OnProgress, type TitlePage, writeDossier } from './dossierLayout.ts'
import { codeFence, codeSpan, escapeMarkdownText, linkDestination } from './markdownEscape.ts'

export function renderMarkdown(dossier: Dossier, onProgress?: OnProgress): Promise<Uint8Array> {
  return writeDossier(dossier, markdownWriter(), onProgress)
}

function markdownWriter(): DossierWriter {
  const chunks: string[] = []
  return {
    titlePage(page: TitlePage) {
      chunks.push(`# ${escapeMarkdownText(page.title, false)}`, `**${escapeMarkdownText(page.kind, false)}**`)
      chunks.push(page.facts.map((fact) => escapeMarkdownText(`${fact.label}: ${fact.value}`, true)).join('\\\n'))
    },
    blocks(blocks) {
      chunks.push(...blocks.map(blockMarkdown))
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
      return `${'#'.repeat(Math.min(block.level + 1, 6))} ${inlinesMarkdown(block.inlines, true)}`
    case 'paragraph':
      return inlinesMarkdown(block.inlines)
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
  }
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

/** Inlines of a paragraph (lines may start blocks) or a heading (they cannot). */
function inlinesMarkdown(inlines: readonly Inline[], inHeading = false): string {
  let atLineStart = !inHeading
  let out = ''
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      out += inHeading ? ' ' : '\\\n'
      atLineStart = !inHeading
      continue
    }
    // A newline inside a text run is a line break in the editor's view too.
    inline.text.split('\n').forEach((line, i) => {
      if (i > 0) {
        out += inHeading ? ' ' : '\\\n'
        atLineStart = !inHeading
      }
      const styled = styledText(line, inline, atLineStart)
      out += styled
      if (styled) atLineStart = false
    })
  }
  return out
}

function styledText(line: string, inline: Extract<Inline, { kind: 'text' }>, atLineStart: boolean): string {
  const { marks } = inline
  // Emphasis markers must touch non-space characters (CommonMark flanking rules): keep the spaces outside.
  const lead = line.match(/^\s*/)?.[0] ?? ''
  const trail = line.slice(lead.length).match(/\s*$/)?.[0] ?? ''
  const core = line.slice(lead.length, line.length - trail.length)
  if (!core) return atLineStart ? '' : line
  let out = marks.code ? codeSpan(core) : escapeMarkdownText(core, atLineStart)
  if (marks.strike) out = `~~${out}~~`
  if (marks.italic) out = `*${out}*`
  if (marks.bold) out = `**${out}**`
  if (inline.href) out = `[${out}](${linkDestination(inline.href)})`
  return `${atLineStart ? '' : lead}${out}${trail}`
}
