// Which threads the side panel shows, and in what order: by section (document order), then by where
// the anchor is in the text; threads whose text was deleted come after those of their section.
import { type CommentThread, mentionsUser, type Round, type ThreadStatus } from '@novex/shared'
import type { AnchorPlace } from './commentsStore.ts'

export interface ThreadFilter {
  readonly status: ThreadStatus | 'all'
  /** Organisation name of the thread's opener, or 'all'. */
  readonly organisation: string
  /** A round, 'none' (opened outside a round) or 'all'. */
  readonly round: Round | 'none' | 'all'
  readonly section: string
  /** Only threads that mention this user (an id), or 'all'. */
  readonly mentioning: string
}

export const ALL_THREADS: ThreadFilter = {
  status: 'all',
  organisation: 'all',
  round: 'all',
  section: 'all',
  mentioning: 'all',
}

export function matchesFilter(thread: CommentThread, filter: ThreadFilter): boolean {
  if (filter.status !== 'all' && thread.status !== filter.status) return false
  if (filter.organisation !== 'all' && thread.openedBy.organisationName !== filter.organisation) return false
  if (filter.section !== 'all' && thread.sectionId !== filter.section) return false
  if (filter.mentioning !== 'all' && !mentionsUser(thread, filter.mentioning)) return false
  if (filter.round === 'none') return thread.round === null
  // A thread carried into a round belongs to that round's review too.
  if (filter.round !== 'all') return thread.round === filter.round || thread.carriedInto.includes(filter.round)
  return true
}

export function orderThreads(
  threads: readonly CommentThread[],
  sectionOrder: ReadonlyMap<string, number>,
  anchors: ReadonlyMap<string, AnchorPlace>,
): CommentThread[] {
  const sectionIndex = (t: CommentThread): number => sectionOrder.get(t.sectionId) ?? Number.MAX_SAFE_INTEGER
  const position = (t: CommentThread): number => {
    const place = anchors.get(t.id)
    return place?.kind === 'range' ? place.from : Number.MAX_SAFE_INTEGER
  }
  return [...threads].sort(
    (a, b) => sectionIndex(a) - sectionIndex(b) || position(a) - position(b) || a.openedAt - b.openedAt,
  )
}

/** The organisations that opened threads, for the filter, sorted. */
export function organisationsOf(threads: readonly CommentThread[]): string[] {
  return [...new Set(threads.map((t) => t.openedBy.organisationName))].sort((a, b) => a.localeCompare(b, 'nl'))
}
