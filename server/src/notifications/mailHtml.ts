// The HTML part beside a mail's plain text: the same words, laid out as mail clients show them best
// (paragraphs, quotations as a bar at the side, lists, a smaller signature), with styles inline because
// mail clients drop style sheets. Only links into the editor (under PUBLIC_URL) are made clickable: an
// address someone wrote in a comment stays text, so a mail never carries a link to a site we do not run.
// Everything else is escaped; the plain text stays the mail's authority.
import type { Language } from '@novex/shared'
import escapeHtml from 'escape-html'

const FONT = 'font-family:Verdana,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a'
const STYLE = {
  p: 'margin:0 0 14px 0',
  blockquote: 'margin:0 0 14px 0;padding:2px 0 2px 12px;border-left:4px solid #b2d7ee;color:#333333',
  ul: 'margin:0 0 14px 0;padding-left:22px',
  a: 'color:#154273;text-decoration:underline;word-break:break-all',
  hr: 'border:0;border-top:1px solid #cccccc;margin:20px 0 12px 0',
  signature: 'margin:0;font-size:13px;color:#555555',
} as const

/** The line that starts the signature (RFC 3676). */
const SIGNATURE = '-- '
const URL_PATTERN = /https?:\/\/\S+/g

/** One line of text, escaped, with the editor's own addresses as links. */
function inline(line: string, publicUrl: URL): string {
  const base = publicUrl.href.endsWith('/') ? publicUrl.href : `${publicUrl.href}/`
  let out = ''
  let at = 0
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = match[0]
    const index = match.index ?? 0
    out += escapeHtml(line.slice(at, index))
    out +=
      url.startsWith(base) || url === publicUrl.href
        ? `<a href="${escapeHtml(url)}" style="${STYLE.a}">${escapeHtml(url)}</a>`
        : escapeHtml(url)
    at = index + url.length
  }
  return out + escapeHtml(line.slice(at))
}

type LineKind = 'quote' | 'item' | 'text'

const kindOf = (line: string): LineKind =>
  line === '>' || line.startsWith('> ') ? 'quote' : line.startsWith('- ') ? 'item' : 'text'

const contentOf = (line: string, kind: LineKind): string =>
  kind === 'quote' ? line.replace(/^> ?/, '') : kind === 'item' ? line.slice(2) : line

/** A block (lines between blank lines) as paragraphs, quotations and lists, in order. */
function block(lines: readonly string[], publicUrl: URL): string {
  const runs: { kind: LineKind; lines: string[] }[] = []
  for (const line of lines) {
    const kind = kindOf(line)
    const last = runs[runs.length - 1]
    const content = inline(contentOf(line, kind), publicUrl)
    if (last !== undefined && last.kind === kind) last.lines.push(content)
    else runs.push({ kind, lines: [content] })
  }
  return runs
    .map(({ kind, lines: run }) =>
      kind === 'quote'
        ? `<blockquote style="${STYLE.blockquote}">${run.join('<br>')}</blockquote>`
        : kind === 'item'
          ? `<ul style="${STYLE.ul}">${run.map((item) => `<li>${item}</li>`).join('')}</ul>`
          : `<p style="${STYLE.p}">${run.join('<br>')}</p>`,
    )
    .join('\n')
}

/** Lines split into blocks at blank lines; a quotation's blank lines stay within it. */
function blocks(lines: readonly string[]): string[][] {
  const out: string[][] = [[]]
  for (const line of lines) {
    const current = out[out.length - 1] as string[]
    if (line.trim() === '') {
      if (current.length > 0) out.push([])
    } else current.push(line)
  }
  return out.filter((b) => b.length > 0)
}

export function mailHtml(subject: string, body: string, publicUrl: URL, language: Language): string {
  const lines = body.split('\n')
  const cut = lines.indexOf(SIGNATURE)
  const main = cut === -1 ? lines : lines.slice(0, cut)
  const signature = cut === -1 ? [] : lines.slice(cut + 1).filter((line) => line.trim() !== '')
  const parts = blocks(main).map((lines) => block(lines, publicUrl))
  if (signature.length > 0) {
    parts.push(
      `<hr style="${STYLE.hr}">`,
      `<p style="${STYLE.signature}">${signature.map((line) => inline(line, publicUrl)).join('<br>')}</p>`,
    )
  }
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:16px;${FONT}">`,
    '<div style="max-width:640px">',
    ...parts,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n')
}
