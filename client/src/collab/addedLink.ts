// A section link in text this page added (addedText.ts): it holds no text, so it stands in the text as a
// mark with its target, between format characters that typed text never holds here (they are taken out
// of the title put in the mark). The page names it in its own language where it shows or copies the text
// (features/connection/refusedLinkText.ts). A target in this document carries its number and title as
// they are in this copy; one in another document only its ids: the page does not know its title.
import { isDocumentId, isSectionId, orderedSections, SECTION_LINK_ATTRS } from '@novex/shared'
import type * as Y from 'yjs'

export interface AddedLink {
  readonly documentId: string
  readonly sectionId: string
  /** Number and title of a section of this document; null for a section of another document. */
  readonly here: { readonly number: string; readonly title: string } | null
}

const START = '\uFFF9'
const BETWEEN = '\uFFFA'
const END = '\uFFFB'
const HERE = 'h'
const FIELD = '([^\uFFF9-\uFFFB]*)'
const MARK = new RegExp(`\uFFF9${[FIELD, FIELD, FIELD, FIELD, FIELD].join('\uFFFA')}\uFFFB`, 'g')
const MARK_CHARS = /[\uFFF9-\uFFFB]/g

/** The mark of a `sectionLink` element; null when it names no valid target. */
export function addedLinkMark(element: Y.XmlElement): string | null {
  const documentId = element.getAttribute(SECTION_LINK_ATTRS.documentId)
  const sectionId = element.getAttribute(SECTION_LINK_ATTRS.sectionId)
  if (!isDocumentId(documentId) || !isSectionId(sectionId)) return null
  // Section ids are random: a section of this id in this document is the target.
  const here = element.doc ? orderedSections(element.doc).find((s) => s.id === sectionId) : undefined
  const fields = here
    ? [documentId, sectionId, HERE, here.number, here.title.toString().replace(MARK_CHARS, '')]
    : [documentId, sectionId, '', '', '']
  return `${START}${fields.join(BETWEEN)}${END}`
}

/** The text in pieces: plain text, and each link mark as its link. */
export function splitAddedLinks(text: string): (string | AddedLink)[] {
  const out: (string | AddedLink)[] = []
  let at = 0
  for (const match of text.matchAll(MARK)) {
    if (match.index > at) out.push(text.slice(at, match.index))
    const [, documentId = '', sectionId = '', here = '', number = '', title = ''] = match
    out.push({ documentId, sectionId, here: here === HERE ? { number, title } : null })
    at = match.index + match[0].length
  }
  if (at < text.length) out.push(text.slice(at))
  return out
}
