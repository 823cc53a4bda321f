// The LinksStore of the open document, for as long as the page shows it: created in an effect, not in
// render, since it observes the doc and fetches (StrictMode mounts twice). Null while there is no doc.
// The targets picked on the page outlive a rebuilt doc (a refusal gets a new one), so the refused-text
// dialog can still name a link into another document that was picked before the rebuild.
import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { createLinksStore, type LinksStore, type PickedTargets } from './linksStore.ts'

export function useLinksStore(documentId: string, doc: Y.Doc | null): LinksStore | null {
  const [store, setStore] = useState<LinksStore | null>(null)
  const picked = useRef<{ readonly documentId: string; readonly targets: PickedTargets } | null>(null)
  useEffect(() => {
    if (doc === null) return
    if (picked.current?.documentId !== documentId) picked.current = { documentId, targets: new Map() }
    const created = createLinksStore(documentId, doc, picked.current.targets)
    setStore(created)
    return () => {
      created.destroy()
      setStore(null)
    }
  }, [documentId, doc])
  return store
}
