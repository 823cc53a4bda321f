// Whether some text reads as a thread's quote: the rule by which a page hands a thread over to its text
// brought back with Ctrl+Z, and by which the server takes it (docs/comments.md). White space does not
// count: a page separates blocks, line breaks and links in a quote with white space that the Yjs tree does
// not hold. A quote is cut at its limit, so a longer text need only begin with it.
import { COMMENT_LIMITS } from './commentTypes.ts'

const words = (text: string): string => text.replace(/\s+/g, '')

export function readsAsQuote(text: string, quote: string): boolean {
  const wanted = words(quote)
  const found = words(text)
  if (wanted === '') return false
  return found === wanted || (quote.length >= COMMENT_LIMITS.quoteChars && found.startsWith(wanted))
}
