// The keyboard shortcuts the document page lists ("Sneltoetsen"): only those this user can use in this
// document. A reader cannot move sections, insert links or comment; a comment-only member comments.

/** Key under `shortcuts.` in the `documents` namespace. */
export type ShortcutKey = 'move' | 'comment' | 'link' | 'find' | 'findOnly' | 'toc'

export interface ShortcutRights {
  /** May change the text and the sections (the edit right, and the document not frozen). */
  readonly canEdit: boolean
  /** May place reactions (everyone but a read-only member). */
  readonly canComment: boolean
}

export function shortcutsFor({ canEdit, canComment }: ShortcutRights): readonly ShortcutKey[] {
  const keys: ShortcutKey[] = []
  if (canEdit) keys.push('move')
  if (canComment) keys.push('comment')
  if (canEdit) keys.push('link')
  // Ctrl+H finds for everyone; it replaces only where the user may change the text.
  keys.push(canEdit ? 'find' : 'findOnly', 'toc')
  return keys
}
