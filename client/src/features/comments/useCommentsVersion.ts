// A number that grows whenever a comment thread of the live document changes (placed, answered,
// resolved, reopened): for views that follow the reactions without the comments store (the readiness
// view fetches again then; the sign-off panel counts the open ones).
import { commentsMap } from '@novex/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

export function useCommentsVersion(doc: Y.Doc | null): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    if (doc === null) return
    const map = commentsMap(doc)
    const changed = (): void => setVersion((v) => v + 1)
    map.observe(changed)
    return () => map.unobserve(changed)
  }, [doc])
  return version
}
