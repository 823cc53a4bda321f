// The reactions still open on each section of the live document (how many, and the oldest), kept up
// to date with it.
import { commentsMap } from '@novex/shared'
import { useMemo } from 'react'
import type * as Y from 'yjs'
import { useCommentsVersion } from './useCommentsVersion.ts'

export interface OpenOnSection {
  readonly count: number
  /** The thread opened first, to show. */
  readonly oldest: string
}

export type OpenThreads = ReadonlyMap<string, OpenOnSection>

export function useOpenThreads(doc: Y.Doc | null): OpenThreads {
  const version = useCommentsVersion(doc)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version says when the map changed.
  return useMemo(() => {
    const open = new Map<string, { count: number; oldest: string; at: number }>()
    if (doc === null) return open
    for (const thread of commentsMap(doc).values()) {
      if (thread.status !== 'open') continue
      const seen = open.get(thread.sectionId)
      const older = seen === undefined || thread.openedAt < seen.at
      open.set(thread.sectionId, {
        count: (seen?.count ?? 0) + 1,
        oldest: older ? thread.id : seen.oldest,
        at: older ? thread.openedAt : seen.at,
      })
    }
    return open
  }, [doc, version])
}
