// The section editors that are open on the document page, for what works across sections (the find
// bar). Each SectionEditor adds itself while it is mounted; `inOrder` lists them as they stand on the
// page, so "next" follows the document, also after sections moved.
import type { Editor } from '@tiptap/core'
import { createReplaceAllHistory, type ReplaceAllHistory } from './replaceAllHistory.ts'

export interface SectionEditorEntry {
  readonly editor: Editor
  /** Whether this user may change the section's text now (not locked, edit right). */
  readonly mayChange: () => boolean
}

export interface SectionEditorRegistry {
  /** Adds an editor; the returned function removes it again. */
  add(entry: SectionEditorEntry): () => void
  /** The editors that are still alive, in the order of the page. */
  inOrder(): SectionEditorEntry[]
  /** Called when an editor is added or removed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
  /** The last "Alles vervangen" over these editors, undone and redone as one step. */
  readonly replaceAll: ReplaceAllHistory
}

export function createSectionEditorRegistry(): SectionEditorRegistry {
  const entries = new Set<SectionEditorEntry>()
  const listeners = new Set<() => void>()
  const changed = (): void => {
    for (const listener of [...listeners]) listener()
  }
  return {
    replaceAll: createReplaceAllHistory(),
    add(entry) {
      entries.add(entry)
      // Tiptap finishes mounting a view a moment later ('create'): tell again once it is on the page.
      entry.editor.on('create', changed)
      changed()
      return () => {
        entry.editor.off('create', changed)
        entries.delete(entry)
        changed()
      }
    },
    inOrder() {
      // An editor whose view is not mounted (yet, or any more) has no place on the page.
      const alive = [...entries].filter(
        (e) => e.editor.isInitialized && !e.editor.isDestroyed && e.editor.view.dom.isConnected,
      )
      return alive.sort((a, b) =>
        a.editor.view.dom.compareDocumentPosition(b.editor.view.dom) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
      )
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
