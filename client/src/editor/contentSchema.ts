// The nodes and marks a section's content may hold, in one list: the live editors add behaviour on top
// (collaboration, carets, comments, the link node view), while a read-only version and the replay after
// a refusal use exactly this list. A place that built its schema from fewer extensions would make
// y-prosemirror drop the content it does not know (for example, links).
import type { AnyExtension } from '@tiptap/core'
import { TableKit } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'
import { SectionLinkNode } from '../features/links/sectionLinkNode.ts'

/** StarterKit (undo is Yjs's, no trailing node) and the section link node. */
export const contentStarterKit = StarterKit.configure({ undoRedo: false, trailingNode: false })

/**
 * Tables as in a word processor: a header row, cells that hold paragraphs and lists, Tab to the next
 * cell. Column widths are not dragged (`resizable: false`): every export lays columns out evenly, and a
 * width set in one browser would not match another's screen.
 */
export const contentTables = TableKit.configure({ table: { resizable: false, allowTableNodeSelection: false } })

export function contentSchemaExtensions(): AnyExtension[] {
  return [contentStarterKit, contentTables, SectionLinkNode]
}
