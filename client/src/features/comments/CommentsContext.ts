// What the comment UI of the document page needs without prop drilling. Two contexts: the store
// alone (stable for the life of the Y.Doc; the section editors read it), and the rest (who is here,
// what they may do, the members to mention, the unsent comments they are writing).
import type { Member } from '@novex/shared'
import { createContext, useContext } from 'react'
import type { ClientSessionUser } from '../../api/session.ts'
import type { CommentDrafts } from './commentDrafts.ts'
import type { CommentsStore } from './commentsStore.ts'

export interface CommentsContextValue {
  readonly store: CommentsStore
  readonly documentId: string
  readonly me: ClientSessionUser
  /** False for read-only members (lezer): the server refuses their comments anyway. */
  readonly canComment: boolean
  /** An author (edit right): may take a text suggestion over into a section that is not locked. */
  readonly canEdit: boolean
  /** A trekker of the area: may resolve any thread and open and close rounds. */
  readonly canManage: boolean
  readonly members: readonly Member[]
  /** What this user typed in comment forms of this document and did not send yet (commentDrafts.ts). */
  readonly drafts: CommentDrafts
  /** Resolves once the server holds every change this page made so far (collab/untilSaved.ts). */
  readonly untilSaved: (signal: AbortSignal) => Promise<void>
}

export const CommentsStoreContext = createContext<CommentsStore | null>(null)
export const CommentsContext = createContext<CommentsContextValue | null>(null)

/** The store of the open document, or null where there are no comments (e.g. a version read-only). */
export function useCommentsStore(): CommentsStore | null {
  return useContext(CommentsStoreContext)
}

export function useCommentsContext(): CommentsContextValue | null {
  return useContext(CommentsContext)
}
