// The nodes and marks a section's content may hold, in one list: the live editors add behaviour on top
// (collaboration, carets, comments, the link node view), while a read-only version and the replay after
// a refusal use exactly this list. A place that built its schema from fewer extensions would make
// y-prosemirror drop the content it does not know (for example, links).
import type { AnyExtension } from '@tiptap/core'
import { TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'
import { SectionImage } from '../features/images/sectionImage.ts'
import { SectionLinkNode } from '../features/links/sectionLinkNode.ts'
import { LocalTableFixes, type TableRepairOptions } from './localTableFixes.ts'

/** StarterKit (undo is Yjs's, no trailing node). */
export const contentStarterKit = StarterKit.configure({ undoRedo: false, trailingNode: false })

/**
 * Tables as in a word processor: a header row, cells that hold paragraphs and lists, Tab to the next
 * cell. Column widths are not dragged (`resizable: false`): every export lays columns out evenly, and a
 * width set in one browser would not match another's screen. One page repairs a section's tables
 * (localTableFixes.ts): the live editors say which, from the presence (`repairs`).
 */
export function contentTables(repairs?: TableRepairOptions): AnyExtension[] {
  return [
    LocalTableFixes.configure({ resizable: false, allowTableNodeSelection: false, ...repairs }),
    TableRow,
    TableHeader,
    TableCell,
  ]
}

/** Block images uploaded to the document (features/images/sectionImage.ts); null: of any document. */
export const contentImage = (documentId: string | null = null): AnyExtension => SectionImage.configure({ documentId })

export function contentSchemaExtensions(): AnyExtension[] {
  return [contentStarterKit, ...contentTables(), contentImage(), SectionLinkNode]
}
