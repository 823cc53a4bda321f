// Whether the user signs this document: the sign-off overview's `me.signatory`, asked once the document
// synced (the server opened it for this user; before that, or offline, the answer could only fail).
import { useEffect, useState } from 'react'
import { fetchSignoffs } from '../../api/signoff.ts'

/** True or false once the server said; null before, or when it could not be asked. */
export function useSignatory(documentId: string, synced: boolean): boolean | null {
  const [known, setKnown] = useState<{ readonly documentId: string; readonly signatory: boolean } | null>(null)
  useEffect(() => {
    if (!synced) return
    const controller = new AbortController()
    fetchSignoffs(documentId, controller.signal).then(
      (overview) => setKnown({ documentId, signatory: overview.me.signatory }),
      // Not known: the header offers no action; the panel, once opened, says what failed.
      () => {},
    )
    return () => controller.abort()
  }, [documentId, synced])
  return known?.documentId === documentId ? known.signatory : null
}
