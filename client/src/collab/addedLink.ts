// A section link in text this page added (addedText.ts): it holds no text, so it stands in the text as a
// mark with its target (shared linkMarks.ts: typed text never forms one). The page names it in its own
// language where it shows or copies the text (features/connection/refusedLinkText.ts). A target in this document carries its number and title as
// they are in this copy; one in another document only its ids: the page does not know its title.
import { isDocumentId, isSectionId, linkMark, orderedSections, SECTION_LINK_ATTRS, splitLinkMarks } from '@novex/shared'
import type * as Y from 'yjs'

export interface AddedLink {
  readonly documentId: string
  readonly sectionId: string
  /** Number and title of a section of this document; null for a section of another document. */
  readonly here: { readonly number: string; readonly title: string } | null
}

const HERE = 'h'

/** The mark of a `sectionLink` element; null when it names no valid target. */
export function addedLinkMark(element: Y.XmlElement): string | null {
  const documentId = element.getAttribute(SECTION_LINK_ATTRS.documentId)
  const sectionId = element.getAttribute(SECTION_LINK_ATTRS.sectionId)
  if (!isDocumentId(documentId) || !isSectionId(sectionId)) return null
  // Section ids are random: a section of this id in this document is the target.
  const here = element.doc ? orderedSections(element.doc).find((s) => s.id === sectionId) : undefined
  return linkMark(
    here ? [documentId, sectionId, HERE, here.number, here.title.toString()] : [documentId, sectionId, '', '', ''],
  )
}

/** The text in pieces: plain text, and each link mark as its link. */
export function splitAddedLinks(text: string): (string | AddedLink)[] {
  return splitLinkMarks(text).map((piece) => {
    if (typeof piece === 'string') return piece
    const [documentId = '', sectionId = '', here = '', number = '', title = ''] = piece
    return { documentId, sectionId, here: here === HERE ? { number, title } : null }
  })
}
