// The comment UI of one document page. useCommentsSetup builds it once per page: the store over the
// live Y.Doc (recreated when the page rebuilds the document), the members for @-mentions, whether the
// user is a trekker, and the drafts of the comments this user is writing in it. CommentsScope provides
// it to everything inside (the section editors, the panel's cards).
import type { ReactNode } from 'react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { fetchMembers, fetchReview } from '../../api/comments.ts'
import type { ClientSessionUser } from '../../api/session.ts'
import { useApi } from '../../api/useApi.ts'
import { CommentsContext, type CommentsContextValue, CommentsStoreContext } from './CommentsContext.ts'
import { commentDrafts } from './commentDrafts.ts'
import { type CommentsStore, createCommentsStore } from './commentsStore.ts'

export interface CommentsSetup {
  readonly documentId: string
  readonly doc: Y.Doc | null
  readonly me: ClientSessionUser | null
  readonly canComment: boolean
  readonly canEdit: boolean
  readonly untilSaved: (signal: AbortSignal) => Promise<void>
  /** Bumped when the user's rights changed (CollabState.rightsVersion): whether they are a trekker is asked again. */
  readonly rightsVersion: number
}

export function useCommentsSetup({
  documentId,
  doc,
  me,
  canComment,
  canEdit,
  untilSaved,
  rightsVersion,
}: CommentsSetup): CommentsContextValue | null {
  const { i18n } = useTranslation('comments')
  const [store, setStore] = useState<CommentsStore | null>(null)
  const members = useApi((signal) => fetchMembers(documentId, signal), `members:${documentId}`)
  const review = useApi((signal) => fetchReview(documentId, signal), `review:${documentId}:${rightsVersion}`)

  // In an effect, not in render: the store observes the doc and must be released with it.
  useEffect(() => {
    if (doc === null) return
    // The store outlives language switches: it asks the i18n instance for the text when it draws.
    const created = createCommentsStore(doc, (part) => i18n.t(`comments:highlight.${part}`))
    setStore(created)
    return () => {
      created.destroy()
      setStore((current) => (current === created ? null : current))
    }
  }, [doc, i18n])

  const userId = me?.id ?? null
  // Once per user and document: it also drops expired drafts, which needs to happen only once.
  const drafts = useMemo(
    () => (userId === null ? null : commentDrafts(browserStorage(), { userId, documentId })),
    [userId, documentId],
  )

  const canManage = review.state === 'ready' && review.value.canManage
  const memberList = members.state === 'ready' ? members.value : NO_MEMBERS
  return useMemo<CommentsContextValue | null>(
    () =>
      store && me && drafts && store.doc === doc
        ? { store, documentId, me, canComment, canEdit, canManage, members: memberList, untilSaved, drafts }
        : null,
    [store, doc, documentId, me, canComment, canEdit, canManage, memberList, untilSaved, drafts],
  )
}

export function CommentsScope({
  value,
  children,
}: {
  readonly value: CommentsContextValue | null
  readonly children: ReactNode
}) {
  return (
    <CommentsStoreContext value={value?.store ?? null}>
      <CommentsContext value={value}>{children}</CommentsContext>
    </CommentsStoreContext>
  )
}

/** The browser's localStorage; null where it is switched off (reading `window.localStorage` throws then). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

const NO_MEMBERS: readonly never[] = []
