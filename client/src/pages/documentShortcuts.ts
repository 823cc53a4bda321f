// The keyboard shortcuts the document page lists ("Sneltoetsen"): only those this user can use in this
// document. A reader cannot move sections, insert links or comment, but reads the comments panel like
// everyone (Ctrl+Alt+Shift+A); a comment-only member comments.

/** Key under `shortcuts.` in the `documents` namespace. */
export type ShortcutKey = 'move' | 'comment' | 'commentsPanel' | 'link' | 'find' | 'findOnly' | 'toc'

export interface ShortcutRights {
  /** May change the text and the sections (the edit right, and the document not frozen). */
  readonly canEdit: boolean
  /** May place reactions (everyone but a read-only member). */
  readonly canComment: boolean
  /** The page shows the comments panel (every member, once the document is open). */
  readonly seesComments: boolean
}

export function shortcutsFor({ canEdit, canComment, seesComments }: ShortcutRights): readonly ShortcutKey[] {
  const keys: ShortcutKey[] = []
  if (canEdit) keys.push('move')
  if (canComment) keys.push('comment')
  if (seesComments) keys.push('commentsPanel')
  if (canEdit) keys.push('link')
  // Ctrl+H finds for everyone; it replaces only where the user may change the text.
  keys.push(canEdit ? 'find' : 'findOnly', 'toc')
  return keys
}
