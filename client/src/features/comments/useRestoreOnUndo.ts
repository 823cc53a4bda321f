// After Ctrl+Z (or Ctrl+Y) in a section, hands the threads whose text came back over to the restored
// text (restoredAnchors.ts), so that everyone sees the comment on it again, as in Word and Google Docs.
// Only an author can undo, and only the page that undid can tell; the server checks and writes it.
import type { CommentAnchor } from '@novex/shared'
import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'
import type * as Y from 'yjs'
import { restoreThreadAnchor } from '../../api/comments.ts'
import { undoManagerOf } from '../../editor/undoManager.ts'
import { syncBinding } from './anchors.ts'
import { useCommentsContext } from './CommentsContext.ts'
import { restoredAnchors } from './restoredAnchors.ts'

/**
 * The undo reaches the server over the document's connection, the request over HTTP: should the request
 * come first, the server cannot find the restored text yet and refuses; it is asked again after these waits.
 */
const RETRY_DELAYS_MS = [500, 2_000, 5_000] as const

async function restoreWithRetry(documentId: string, threadId: string, anchor: CommentAnchor): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await restoreThreadAnchor(documentId, threadId, anchor)
      return
    } catch (failure) {
      const delay = RETRY_DELAYS_MS[attempt]
      if (delay === undefined) {
        // The thread keeps its quote and reads "tekst verwijderd", as it did before the undo.
        console.warn('Reactie niet teruggezet bij de herstelde tekst', threadId, failure)
        return
      }
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}

export function useRestoreOnUndo(editor: Editor | null, fragment: Y.XmlFragment): void {
  const context = useCommentsContext()
  const documentId = context?.documentId ?? null
  const store = context?.store ?? null
  const canEdit = context?.canEdit ?? false
  useEffect(() => {
    if (editor === null || store === null || documentId === null || !canEdit) return
    const manager = undoManagerOf(editor)
    if (manager === null) return
    // Threads already handed over by this page: one request each, however often the stack is popped.
    const pending = new Set<string>()
    const handlePopped = (): void => {
      if (editor.isDestroyed) return
      const sectionId = store.sectionIdOf(fragment)
      const binding = syncBinding(editor.state)
      if (sectionId === null || binding === null) return
      const threads = store.getSnapshot().threads.filter((t) => t.sectionId === sectionId && !pending.has(t.id))
      for (const { threadId, anchor } of restoredAnchors(editor.state, binding, threads)) {
        pending.add(threadId)
        void restoreWithRetry(documentId, threadId, anchor).finally(() => pending.delete(threadId))
      }
    }
    manager.on('stack-item-popped', handlePopped)
    return () => manager.off('stack-item-popped', handlePopped)
  }, [editor, fragment, store, documentId, canEdit])
}
