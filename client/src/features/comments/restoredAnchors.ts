// Commented text deleted and brought back with Ctrl+Z. Yjs restores it as new text, so every page
// (and the server) reads the thread as "tekst verwijderd"; only the page that undid knows where the
// old text came back (Y.UndoManager keeps that record locally). That page hands the thread over to the
// restored text: the new anchor goes to the server (POST …/comments/<thread>/anchor), which checks that
// the thread's text is indeed gone and that the new range reads as its quote, and writes it for everyone.
import { type CommentAnchor, type CommentThread, readsAsQuote } from '@novex/shared'
import type { EditorState } from '@tiptap/pm/state'
import { anchorOnRestoredText, resolveAnchor, type syncBinding } from './anchors.ts'
import { rangeText } from './commentRange.ts'

type Binding = NonNullable<ReturnType<typeof syncBinding>>

export interface RestoredAnchor {
  readonly threadId: string
  readonly anchor: CommentAnchor
  readonly quote: string
}

/**
 * The threads of this section whose text reads as deleted, but which this page's undo restored with the
 * text the thread quotes: each with the anchor of the restored text.
 */
export function restoredAnchors(
  state: EditorState,
  binding: Binding,
  threads: readonly CommentThread[],
): RestoredAnchor[] {
  const restored: RestoredAnchor[] = []
  for (const thread of threads) {
    if (resolveAnchor(state, binding, thread.anchor).kind !== 'deleted') continue
    if (!marksQuote(state, binding, thread.anchor, thread.quote, true)) continue
    const anchor = anchorOnRestoredText(binding.doc, thread.anchor)
    if (anchor !== null) restored.push({ threadId: thread.id, anchor, quote: thread.quote })
  }
  return restored
}

/**
 * Whether `anchor` marks text in this editor that reads as `quote`; `followUndo`: as Yjs's undo record
 * of this page says it came back. Checked again when the page sends a handed-over anchor: by then the
 * restored text may have been deleted or changed again (by anyone), and the server would refuse it.
 */
export function marksQuote(
  state: EditorState,
  binding: Binding,
  anchor: CommentAnchor,
  quote: string,
  followUndo = false,
): boolean {
  const place = resolveAnchor(state, binding, anchor, followUndo)
  return place.kind === 'range' && readsAsQuote(rangeText(state.doc, place.from, place.to), quote)
}
