// Opens a document for the lifetime of the component (or until the id changes). The session lives
// in an effect, not in useMemo: StrictMode mounts twice, and each mount must own and destroy its own.
// The Collab returned changes when the session rebuilds the document after a refusal; everything
// that reads it (state, sections, presence, editors) follows the new one.
import { useEffect, useRef, useState } from 'react'
import type { Collab } from './createCollab.ts'
import { openDocumentSession } from './documentSession.ts'
import type { LocalUser } from './localUser.ts'

/** `presence: false` for a page that follows the document without working in it (see CollabOptions). */
export function useCollab(
  documentId: string | null,
  user: LocalUser | null,
  { presence = true }: { readonly presence?: boolean } = {},
): Collab | null {
  const [collab, setCollab] = useState<Collab | null>(null)
  // The user at the moment the document opens; the server stamps presence from the session anyway.
  const userRef = useRef(user)
  userRef.current = user

  useEffect(() => {
    const opener = userRef.current
    if (documentId === null || opener === null) return
    const session = openDocumentSession({ documentId, user: opener, presence })
    const owned = new Set<Collab>()
    const follow = (): void => {
      const next = session.current.get()
      owned.add(next)
      setCollab(next)
    }
    follow()
    const unsubscribe = session.current.subscribe(follow)
    return () => {
      unsubscribe()
      setCollab((current) => (current !== null && owned.has(current) ? null : current))
      session.destroy()
    }
  }, [documentId, presence])

  return collab
}
