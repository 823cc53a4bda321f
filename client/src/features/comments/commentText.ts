// Text helpers for comment cards: a body cut into plain text and links (only http(s) and mailto
// become links; nothing in a body is ever HTML), and the @-mentions a body still contains. Dates are
// written by i18n/formatDate.ts.

export type BodyPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string }

// A candidate link: a scheme we allow, then everything up to white space or a character that cannot
// end a URL in running text. Other schemes (javascript:, data:) never match, so they stay text.
const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi
// Punctuation that usually ends the sentence, not the URL.
const TRAILING = /[.,;:!?)\]}]+$/

export function linkParts(body: string): BodyPart[] {
  const parts: BodyPart[] = []
  let last = 0
  for (const match of body.matchAll(LINK)) {
    const start = match.index
    let candidate = match[0]
    const trailing = TRAILING.exec(candidate)
    if (trailing) candidate = candidate.slice(0, candidate.length - trailing[0].length)
    const href = safeHref(candidate)
    if (href === null) continue
    if (start > last) parts.push({ kind: 'text', text: body.slice(last, start) })
    parts.push({ kind: 'link', text: candidate, href })
    last = start + candidate.length
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) })
  return parts
}

/** The URL as the browser would follow it, only when its protocol is http(s) or mailto. */
export function safeHref(candidate: string): string | null {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null
  return url.href
}

export interface Mentionable {
  readonly userId: string
  readonly name: string
}

/** The members whose "@Name" is in the body (chosen from the list, or typed in full). */
export function mentionsIn(body: string, members: readonly Mentionable[]): string[] {
  const lower = body.toLocaleLowerCase('nl')
  return members.filter((m) => lower.includes(`@${m.name.toLocaleLowerCase('nl')}`)).map((m) => m.userId)
}

/** The "@query" the caret is in, if any: where it starts and what is typed after the @. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const match = /(^|\s)@([^\n@]{0,40})$/.exec(before)
  if (!match) return null
  const query = match[2] ?? ''
  return { start: caret - query.length - 1, query }
}
