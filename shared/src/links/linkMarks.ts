// A section link holds no text, so where text is kept or compared as a string (a link baseline on the
// server, a refused change on the page) each link stands in it as a mark: its fields between three
// format characters that are taken out of the surrounding text first, so typed text never forms a
// mark. One encoding for both; what the fields are is up to the user (baselineText.ts, addedLink.ts).

const START = '\uFFF9'
const BETWEEN = '\uFFFA'
const END = '\uFFFB'
const MARK_CHARS = /[\uFFF9-\uFFFB]/g
const MARK = /\uFFF9([^\uFFF9\uFFFB]*)\uFFFB/g

/** `text` without the characters a mark is made of. */
export function withoutLinkMarkChars(text: string): string {
  return text.replace(MARK_CHARS, '')
}

/** A mark holding `fields` (each taken out of mark characters). */
export function linkMark(fields: readonly string[]): string {
  return `${START}${fields.map(withoutLinkMarkChars).join(BETWEEN)}${END}`
}

/** The text in pieces: plain text (without stray mark characters), and each mark as its fields. */
export function splitLinkMarks(text: string): (string | string[])[] {
  const out: (string | string[])[] = []
  const push = (plain: string): void => {
    const clean = withoutLinkMarkChars(plain)
    if (clean === '') return
    const last = out.at(-1)
    if (typeof last === 'string') out[out.length - 1] = last + clean
    else out.push(clean)
  }
  let at = 0
  for (const match of text.matchAll(MARK)) {
    push(text.slice(at, match.index))
    out.push((match[1] ?? '').split(BETWEEN))
    at = match.index + match[0].length
  }
  push(text.slice(at))
  return out
}
