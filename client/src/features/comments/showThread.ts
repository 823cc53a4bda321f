import type { CommentThread } from '@novex/shared'
import type { EditorView } from '@tiptap/pm/view'
import type { CommentsStore } from './commentsStore.ts'

/**
 * Scrolls the page so that the text at `pos` is in the upper part of the window, as "Toon in de
 * tekst" does, but leaves the editor's selection and the focus alone.
 */
export function scrollToText(view: EditorView, pos: number): void {
  const { top } = view.coordsAtPos(pos)
  window.scrollBy({ top: top - window.innerHeight / 3 })
}

/**
 * Shows a thread as a link to it does: its text scrolled into view first (on a narrow screen the panel
 * sits below it, and the focused card must end in view), then the thread active and its card focused.
 */
export function showThread(store: CommentsStore, thread: Pick<CommentThread, 'id' | 'sectionId'>): void {
  const place = store.getSnapshot().anchors.get(thread.id)
  const view = store.viewOf(thread.sectionId)
  if (place?.kind === 'range' && view !== undefined) scrollToText(view, place.from)
  store.setActive(thread.id, { focusCard: true })
}
