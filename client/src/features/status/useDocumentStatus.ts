// The status of an ontwikkelperspectief, read live from the document: the review rounds and the
// trekkers' decisions in the server-owned maps, derived by @novex/shared's one rule (documentStatus).
import {
  type DocumentStatus,
  documentStatus,
  metaMap,
  NO_REVIEW,
  NO_STATUS_DECISIONS,
  readReview,
  readStatusRecord,
  reviewMap,
  type StatusRecord,
} from '@novex/shared'
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

export interface DocumentStatusView {
  readonly status: DocumentStatus
  readonly record: StatusRecord
  /** A round is running (no submission before it closes). */
  readonly roundActive: boolean
}

export function useDocumentStatus(doc: Y.Doc | null): DocumentStatusView {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (doc === null) return () => {}
      const maps = [metaMap(doc), reviewMap(doc)]
      for (const map of maps) map.observe(listener)
      return () => {
        for (const map of maps) map.unobserve(listener)
      }
    },
    [doc],
  )
  // Both readers return the stored objects themselves, so the snapshots are stable between changes.
  const record = useSyncExternalStore(subscribe, () => (doc === null ? NO_STATUS_DECISIONS : readStatusRecord(doc)))
  const review = useSyncExternalStore(subscribe, () => (doc === null ? NO_REVIEW : readReview(doc)))
  return useMemo(
    () => ({ status: documentStatus(review, record), record, roundActive: review.active !== null }),
    [review, record],
  )
}

/**
 * The status the document page shows. The live one once this page's copy of the document has synced
 * with the server (and after that also while the connection is away: it is the last one known); before
 * that the server's own, from the document's metadata, so that a copy kept in the browser from an
 * earlier visit does not show a status that no longer holds; without either, the copy's (offline, it is
 * all there is).
 */
export function useShownStatus(
  documentId: string,
  live: DocumentStatus,
  synced: boolean,
  server: DocumentStatus | undefined,
): DocumentStatus {
  const [syncedOnce, setSyncedOnce] = useState<string | null>(null)
  useEffect(() => {
    if (synced) setSyncedOnce(documentId)
  }, [synced, documentId])
  return synced || syncedOnce === documentId || server === undefined ? live : server
}
