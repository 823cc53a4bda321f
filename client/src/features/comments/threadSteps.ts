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
  const open = shown.flatMap((thread, index) => (thread.status === 'open' ? [{ thread, index }] : []))
  const first = open[0]
  const last = open[open.length - 1]
  if (first === undefined || last === undefined) return null
  const at = shown.findIndex((thread) => thread.id === activeThreadId)
  const target =
    step === 1
      ? at === -1
        ? first
        : (open.find(({ index }) => index > at) ?? first)
      : at === -1
        ? last
        : (open.findLast(({ index }) => index < at) ?? last)
  return { thread: target.thread, position: open.indexOf(target) + 1, count: open.length }
}
