// Escaping user text for CommonMark/GFM so that nothing in it becomes markup or HTML. Every character
// that can open an inline construct is backslash-escaped wherever it stands (CommonMark lets any ASCII
// punctuation be escaped, see https://spec.commonmark.org/0.31.2/#backslash-escapes); characters that
// only mean something at the start of a line (headings, lists, block quotes, setext underlines) are
// escaped there. `<` and `&` are escaped so no raw HTML, autolink or entity survives.

const INLINE_SPECIALS = /[\\`*_[\]<>&|~#!]/g
// Line-start constructs: "- item", "+ item", "= underline", "1. item", "1) item".
const LINE_START = /^(\s*)([-+=]|\d+(?=[.)]))/

/**
 * User text without newlines as literal Markdown text. `atLineStart` says whether it begins a line of a
 * paragraph, where "- ", "+ ", "= " and "1. " would start a block.
 */
export function escapeMarkdownText(value: string, atLineStart: boolean): string {
  const escaped = value.replace(INLINE_SPECIALS, (char) => `\\${char}`)
  if (!atLineStart) return escaped
  // Leading spaces would make an indented code block or change list nesting; they carry no meaning here.
  return escaped
    .replace(/^[ \t]+/, '')
    .replace(LINE_START, (_match, space: string, marker: string) =>
      /^\d+$/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    )
}

/** A code span that shows `value` literally, whatever backticks it holds. */
export function codeSpan(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const padded = value.startsWith('`') || value.endsWith('`') || value.startsWith(' ') ? ` ${value} ` : value
  return `${fence}${padded.replace(/\n/g, ' ')}${fence}`
}

/** A fence for a code block that no line of `value` can close. */
export function codeFence(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length))
  return '`'.repeat(Math.max(3, longest + 1))
}

/**
 * A link destination in angle brackets; the href is already a normalised http(s)/mailto URL. A pipe is
 * encoded too: in a GFM table row it would end the cell, even inside the brackets.
 */
export function linkDestination(href: string): string {
  return `<${href.replace(/[<>|\s]/g, (char) => encodeURIComponent(char))}>`
}
