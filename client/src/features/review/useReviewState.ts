// The document's review rounds, read live from the server-owned `review` map.
import { NO_REVIEW, type ReviewState, readReview, reviewMap } from '@novex/shared'
import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

export function useReviewState(doc: Y.Doc | null): ReviewState {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (doc === null) return () => {}
      const map = reviewMap(doc)
      map.observe(listener)
      return () => map.unobserve(listener)
    },
    [doc],
  )
  // readReview returns the stored object itself, so the snapshot is stable between changes.
  return useSyncExternalStore(subscribe, () => (doc === null ? NO_REVIEW : readReview(doc)))
}
