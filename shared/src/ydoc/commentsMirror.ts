// Server-owned maps for comments and review rounds. Clients read them live; every write goes through
// the comments API, where the server takes author and organisation from the session.
import type * as Y from 'yjs'
import { type CommentThread, NO_REVIEW, type ReviewState } from '../comments/commentTypes.ts'
import { DOC_KEYS } from './schema.ts'

export function commentsMap(doc: Y.Doc): Y.Map<CommentThread> {
  return doc.getMap<CommentThread>(DOC_KEYS.comments)
}

export function listThreads(doc: Y.Doc): CommentThread[] {
  return [...commentsMap(doc).values()]
}

/** The reactions still open on one section: how many, and the one opened first. */
export interface OpenOnSection {
  readonly count: number
  readonly oldest: string
}

/** Per section id, the reactions still open on it (sections without any are absent). */
export function openThreadsBySection(doc: Y.Doc): Map<string, OpenOnSection> {
  const open = new Map<string, OpenOnSection & { readonly at: number }>()
  for (const thread of commentsMap(doc).values()) {
    if (thread.status !== 'open') continue
    const seen = open.get(thread.sectionId)
    const older = seen === undefined || thread.openedAt < seen.at
    open.set(thread.sectionId, {
      count: (seen?.count ?? 0) + 1,
      oldest: older ? thread.id : seen.oldest,
      at: older ? thread.openedAt : seen.at,
    })
  }
  return open
}

export function reviewMap(doc: Y.Doc): Y.Map<ReviewState> {
  return doc.getMap<ReviewState>(DOC_KEYS.review)
}

/** The key under which the review state lives in the review map. */
export const REVIEW_STATE_KEY = 'state'

export function readReview(doc: Y.Doc): ReviewState {
  return reviewMap(doc).get(REVIEW_STATE_KEY) ?? NO_REVIEW
}
