// Whether the user signs this document: the sign-off overview's `me.signatory`, asked once the document
// synced (the server opened it for this user; before that, or offline, the answer could only fail), and
// again when the server says the user's rights changed (`rightsVersion`, CollabState).
import { useEffect, useState } from 'react'
import { fetchSignoffs } from '../../api/signoff.ts'

/** True or false once the server said; null before, or when it could not be asked. */
export function useSignatory(documentId: string, synced: boolean, rightsVersion: number): boolean | null {
  const [known, setKnown] = useState<{ readonly documentId: string; readonly signatory: boolean } | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: rightsVersion is a trigger to ask again.
  useEffect(() => {
    if (!synced) return
    const controller = new AbortController()
    fetchSignoffs(documentId, controller.signal).then(
      (overview) => setKnown({ documentId, signatory: overview.me.signatory }),
      // Not known: the header offers no action; the panel, once opened, says what failed.
      () => {},
    )
    return () => controller.abort()
  }, [documentId, synced, rightsVersion])
  return known?.documentId === documentId ? known.signatory : null
}
