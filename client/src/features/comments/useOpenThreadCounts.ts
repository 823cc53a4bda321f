// How many reactions are still open on each section of the live document, kept up to date with it.
import { commentsMap } from '@novex/shared'
import { useMemo } from 'react'
import type * as Y from 'yjs'
import { useCommentsVersion } from './useCommentsVersion.ts'

export function useOpenThreadCounts(doc: Y.Doc | null): ReadonlyMap<string, number> {
  const version = useCommentsVersion(doc)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version says when the map changed.
  return useMemo(() => {
    const counts = new Map<string, number>()
    if (doc === null) return counts
    for (const thread of commentsMap(doc).values()) {
      if (thread.status === 'open') counts.set(thread.sectionId, (counts.get(thread.sectionId) ?? 0) + 1)
    }
    return counts
  }, [doc, version])
}
