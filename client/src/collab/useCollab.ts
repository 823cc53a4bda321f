// Opens a document for the lifetime of the component (or until the id changes). The provider lives
// in an effect, not in useMemo: StrictMode mounts twice, and each mount must own and destroy its own.
import { useEffect, useRef, useState } from 'react'
import { type Collab, createCollab } from './createCollab.ts'
import type { LocalUser } from './localUser.ts'

export function useCollab(documentId: string | null, user: LocalUser): Collab | null {
  const [collab, setCollab] = useState<Collab | null>(null)
  // The user at the moment the document opens; later name changes go through awareness.
  const userRef = useRef(user)
  userRef.current = user

  useEffect(() => {
    if (documentId === null) return
    const created = createCollab({ documentId, user: userRef.current })
    setCollab(created)
    return () => {
      setCollab((current) => (current === created ? null : current))
      created.destroy()
    }
  }, [documentId])

  return collab
}
