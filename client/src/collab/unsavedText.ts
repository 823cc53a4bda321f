// The text this page added that the server has not confirmed: what would be lost if the page could never
// send it (the user lost access, or the document was removed, while changes were waiting). Read from the
// structs, like the refused-text dialog (addedText): every visible character whose id the server's
// confirmed state vector does not cover. Only added text can be shown this way; a deletion or a change of
// formatting leaves nothing to copy.
import { orderedSections } from '@novex/shared'
import type * as Y from 'yjs'
import { addedText } from './addedText.ts'

export interface UnsavedSection {
  readonly sectionId: string
  /** The section's title as the page shows it. */
  readonly title: string
  /** Text added to the title. */
  readonly titleText: string
  /** Text added to the content, paragraphs on separate lines. */
  readonly text: string
}

/** The sections, in document order, with text the server has not confirmed. */
export function unsavedSections(doc: Y.Doc, confirmed: ReadonlyMap<number, number>): UnsavedSection[] {
  return orderedSections(doc)
    .map((section) => ({
      sectionId: section.id as string,
      title: section.title.toString(),
      titleText: addedText(section.title, confirmed),
      text: addedText(section.content, confirmed),
    }))
    .filter((s) => s.titleText !== '' || s.text !== '')
}
