// Comment threads and review rounds (ijkmomenten), as the server writes them into the document's
// server-owned maps and as the API returns them. Anchors are Y.RelativePositions into a section's
// `content` (base64 of Y.encodeRelativePosition): never marks, so commenting changes no text and no
// sign-off hash.
import type { OrganisationKind } from '../roles.ts'

export const ROUNDS = [1, 2, 3] as const
export type Round = (typeof ROUNDS)[number]

export const THREAD_STATUSES = ['open', 'resolved'] as const
export type ThreadStatus = (typeof THREAD_STATUSES)[number]

/** Limits the server enforces on comment input. */
export const COMMENT_LIMITS = {
  bodyChars: 5_000,
  quoteChars: 1_000,
  suggestionChars: 1_000,
  anchorBytes: 512,
  mentions: 20,
} as const

export interface CommentAuthor {
  readonly userId: string
  readonly name: string
  readonly organisationId: string
  readonly organisationName: string
  readonly organisationKind: OrganisationKind
}

export interface CommentMessage {
  readonly id: string
  readonly author: CommentAuthor
  /** Plain text; links are shown as links only when they are http(s) or mailto. Empty when deleted. */
  readonly body: string
  /** User ids of mentioned area members. */
  readonly mentions: readonly string[]
  readonly at: number
  readonly editedAt: number | null
  readonly deleted: boolean
}

export interface CommentAnchor {
  /** base64 of Y.encodeRelativePosition, start of the range (assoc 0). */
  readonly start: string
  /** base64 of Y.encodeRelativePosition, end of the range (assoc -1). */
  readonly end: string
}

/**
 * Wording proposed for the quoted text (a "tekstvoorstel"): plain text within one paragraph, empty to
 * propose removing it. An author takes it over into the section as an ordinary edit of theirs (through
 * the update gate, and undoable); the thread then records who did.
 */
export interface TextSuggestion {
  readonly text: string
  readonly appliedBy: CommentAuthor | null
  readonly appliedAt: number | null
}

export interface CommentThread {
  readonly id: string
  readonly sectionId: string
  readonly anchor: CommentAnchor
  /** The text the thread was opened on, as it was then. */
  readonly quote: string
  /** Proposed wording for the quote; absent (threads from before) or null: a comment only. */
  readonly suggestion?: TextSuggestion | null
  /** The ijkmoment in which the thread was opened (null outside a round). */
  readonly round: Round | null
  /** Rounds the still-open thread was carried into when a round closed. */
  readonly carriedInto: readonly Round[]
  readonly status: ThreadStatus
  readonly openedBy: CommentAuthor
  readonly openedAt: number
  readonly resolvedBy: CommentAuthor | null
  readonly resolvedAt: number | null
  readonly messages: readonly CommentMessage[]
}

/** Whether a message of the thread (not deleted) mentions this user. */
export function mentionsUser(thread: CommentThread, userId: string): boolean {
  return thread.messages.some((message) => !message.deleted && message.mentions.includes(userId))
}

export interface RoundRecord {
  readonly round: Round
  readonly openedAt: number
  readonly openedBy: string
  readonly closedAt: number | null
  readonly closedBy: string | null
  /** The named version stored when the round closed. */
  readonly versionId: number | null
}

export interface ReviewState {
  readonly active: Round | null
  readonly rounds: readonly RoundRecord[]
}

export const NO_REVIEW: ReviewState = { active: null, rounds: [] }

export function roundName(round: Round): string {
  return `IJkmoment ${round}`
}
