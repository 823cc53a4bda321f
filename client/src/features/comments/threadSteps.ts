// Stepping through the open threads, as Word steps through its comments (ThreadSteps.tsx).
import type { CommentThread } from '@novex/shared'

export interface Step {
  readonly thread: CommentThread
  /** 1-based, among the open threads shown. */
  readonly position: number
  readonly count: number
}

/**
 * The open thread before (-1) or after (1) the active one among the threads shown (in their order),
 * round at either end; the first or the last when none is active. The active thread may itself be
 * resolved: the step goes from its place in the list.
 */
export function stepThrough(shown: readonly CommentThread[], activeThreadId: string | null, step: 1 | -1): Step | null {
  const open = shown.filter((thread) => thread.status === 'open')
  if (open.length === 0) return null
  const at = shown.findIndex((thread) => thread.id === activeThreadId)
  const after = (thread: CommentThread): boolean => shown.indexOf(thread) > at
  const before = (thread: CommentThread): boolean => shown.indexOf(thread) < at
  const target =
    at === -1
      ? step === 1
        ? open[0]
        : open[open.length - 1]
      : step === 1
        ? (open.find(after) ?? open[0])
        : (open.findLast(before) ?? open[open.length - 1])
  return target === undefined ? null : { thread: target, position: open.indexOf(target) + 1, count: open.length }
}
