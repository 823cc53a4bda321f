// What a section says when a change of its text or title is not taken: why, and what can still be
// done. One reason wins: the server's storage (nothing can be saved now, whatever the rights), a page
// the server closed for good (no access any more, or the document gone), then the
// section's lock, then the perspective's status (submitted or adopted), then the member's role.
// Keys of the `sections` catalogue.
import type { ReadOnlyWhy } from './SectionsContext.ts'

/** Under the section's text. */
export function readOnlyTextKey(locked: boolean, why: ReadOnlyWhy | null): string {
  if (why === 'storage') return 'section.readOnlyStorage'
  if (why === 'closed') return 'section.readOnlyClosed'
  if (locked) return 'section.readOnlyLocked'
  if (why === 'frozen') return 'section.readOnlyFrozen'
  return why === 'read' ? 'section.readOnlyRead' : 'section.readOnlyComment'
}

/** Under the section's title. */
export function readOnlyTitleKey(locked: boolean, why: ReadOnlyWhy | null): string {
  if (why === 'storage') return 'section.readOnlyStorage'
  if (why === 'closed') return 'section.readOnlyClosed'
  if (locked) return 'section.titleReadOnlyLocked'
  return why === 'frozen' ? 'section.titleReadOnlyFrozen' : 'section.titleReadOnly'
}
