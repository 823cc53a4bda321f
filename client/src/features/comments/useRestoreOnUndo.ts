// After Ctrl+Z (or Ctrl+Y) in a section, hands the threads whose text came back over to the restored
// text (restoredAnchors.ts), so that everyone sees the comment on it again, as in Word and Google Docs.
// Only an author can undo, and only the page that undid can tell; the server checks and writes it.
import type { CommentAnchor } from '@novex/shared'
import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'
import type * as Y from 'yjs'
import { restoreThreadAnchor } from '../../api/comments.ts'
import { isTransientFailure } from '../../api/documents.ts'
import { undoManagerOf } from '../../editor/undoManager.ts'
import { syncBinding } from './anchors.ts'
import { useCommentsContext } from './CommentsContext.ts'
import { marksQuote, restoredAnchors } from './restoredAnchors.ts'

/**
 * The request goes once the server holds the undo (it arrives over the document's connection, the request
 * over HTTP; after a lost connection, once the page is back and has saved). A request that got no answer
 * or a server fault is made again after these waits; a refusal is not (the text went again meanwhile).
 */
const RETRY_DELAYS_MS = [1_000, 5_000] as const

/**
 * Sends where the thread's text is now, once the server holds it. `latest` is read at sending time: an
 * undo, redo and undo again while the page waits move the text to yet another copy, and the text may
 * have been deleted or changed again (then there is nothing to hand over, and `latest` gives nothing).
 */
async function restoreWhenSaved(
  untilSaved: (signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
  documentId: string,
  threadId: string,
  latest: () => CommentAnchor | undefined,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await untilSaved(signal)
    const anchor = latest()
    if (anchor === undefined) return
    try {
      await restoreThreadAnchor(documentId, threadId, anchor)
      // Another undo while the request was under way: that place goes too.
      if (latest() === anchor) return
    } catch (failure) {
      const delay = RETRY_DELAYS_MS[attempt]
      if (!isTransientFailure(failure) || delay === undefined || signal.aborted) throw failure
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}

export function useRestoreOnUndo(editor: Editor | null, fragment: Y.XmlFragment): void {
  const context = useCommentsContext()
  const documentId = context?.documentId ?? null
  const store = context?.store ?? null
  const canEdit = context?.canEdit ?? false
  const untilSaved = context?.untilSaved ?? null
  useEffect(() => {
    if (editor === null || store === null || documentId === null || untilSaved === null || !canEdit) return
    const manager = undoManagerOf(editor)
    if (manager === null) return
    const controller = new AbortController()
    // Threads being handed over by this page, with where their text is now: one request at a time each.
    const pending = new Map<string, CommentAnchor>()
    // That place, if the text there still reads as the thread's quote.
    const stillThere = (threadId: string, quote: string): CommentAnchor | undefined => {
      const anchor = pending.get(threadId)
      const binding = editor.isDestroyed ? null : syncBinding(editor.state)
      if (anchor === undefined || binding === null) return undefined
      return marksQuote(editor.state, binding, anchor, quote) ? anchor : undefined
    }
    const handlePopped = (): void => {
      if (editor.isDestroyed) return
      const sectionId = store.sectionIdOf(fragment)
      const binding = syncBinding(editor.state)
      if (sectionId === null || binding === null) return
      const threads = store.getSnapshot().threads.filter((t) => t.sectionId === sectionId)
      // Taken now: the record of where the undo put the text is this page's, and the next step may change it.
      for (const { threadId, anchor, quote } of restoredAnchors(editor.state, binding, threads)) {
        const sending = pending.has(threadId)
        pending.set(threadId, anchor)
        if (sending) continue
        restoreWhenSaved(untilSaved, controller.signal, documentId, threadId, () => stillThere(threadId, quote))
          .catch((failure: unknown) => {
            // The thread keeps its quote and reads "tekst verwijderd", as it did before the undo.
            if (!controller.signal.aborted)
              console.warn('Reactie niet teruggezet bij de herstelde tekst', threadId, failure)
          })
          .finally(() => pending.delete(threadId))
      }
    }
    manager.on('stack-item-popped', handlePopped)
    return () => {
      controller.abort()
      manager.off('stack-item-popped', handlePopped)
    }
  }, [editor, fragment, store, documentId, untilSaved, canEdit])
}
