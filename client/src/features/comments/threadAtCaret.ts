// Which comment belongs to the text at the caret: the open thread whose highlighted text holds the
// caret (its edges included: right after a comment was placed the caret is at the end of its text) or
// touches the selection. Where highlights overlap: the active thread, else the one with the least
// text, else the one that starts first. Resolved threads have no highlight and do not count.
import type { CommentThread } from '@novex/shared'
import type { AnchorPlace } from './commentsStore.ts'

export interface CaretPlace {
  readonly sectionId: string
  readonly from: number
  readonly to: number
}

export function threadAtCaret(
  threads: readonly CommentThread[],
  anchors: ReadonlyMap<string, AnchorPlace>,
  caret: CaretPlace,
  activeThreadId: string | null,
): string | null {
  let best: { readonly id: string; readonly from: number; readonly size: number } | null = null
  for (const thread of threads) {
    if (thread.sectionId !== caret.sectionId || thread.status !== 'open') continue
    const place = anchors.get(thread.id)
    if (place?.kind !== 'range' || place.from > caret.to || place.to < caret.from) continue
    if (thread.id === activeThreadId) return thread.id
    const size = place.to - place.from
    if (best === null || size < best.size || (size === best.size && place.from < best.from)) {
      best = { id: thread.id, from: place.from, size }
    }
  }
  return best?.id ?? null
}
