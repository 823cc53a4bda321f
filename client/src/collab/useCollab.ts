// Opens a document for the lifetime of the component (or until the id changes). The provider lives
// in an effect, not in useMemo: StrictMode mounts twice, and each mount must own and destroy its own.
import { useEffect, useRef, useState } from 'react'
import { type Collab, createCollab } from './createCollab.ts'
import type { LocalUser } from './localUser.ts'

export function useCollab(documentId: string | null, user: LocalUser | null): Collab | null {
  const [collab, setCollab] = useState<Collab | null>(null)
  // The user at the moment the document opens; the server stamps presence from the session anyway.
  const userRef = useRef(user)
  userRef.current = user

  useEffect(() => {
    const opener = userRef.current
    if (documentId === null || opener === null) return
    const created = createCollab({ documentId, user: opener })
    setCollab(created)
    return () => {
      setCollab((current) => (current === created ? null : current))
      created.destroy()
    }
  }, [documentId])

  return collab
}
