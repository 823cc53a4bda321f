// What a section says when a change of its text or title is not taken: why, and what can still be
// done. One reason wins: the server's storage (nothing can be saved now, whatever the rights), then the
// section's lock, then the perspective's status (submitted or adopted), then the member's role.
// Keys of the `sections` catalogue.
import type { ReadOnlyWhy } from './SectionsContext.ts'

/** Under the section's text. */
export function readOnlyTextKey(locked: boolean, why: ReadOnlyWhy | null): string {
  if (why === 'storage') return 'section.readOnlyStorage'
  if (locked) return 'section.readOnlyLocked'
  if (why === 'frozen') return 'section.readOnlyFrozen'
  return why === 'read' ? 'section.readOnlyRead' : 'section.readOnlyComment'
}

/** Under the section's title. */
export function readOnlyTitleKey(locked: boolean, why: ReadOnlyWhy | null): string {
  if (why === 'storage') return 'section.readOnlyStorage'
  if (locked) return 'section.titleReadOnlyLocked'
  return why === 'frozen' ? 'section.titleReadOnlyFrozen' : 'section.titleReadOnly'
}
