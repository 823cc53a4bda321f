// The comments, review-round and version endpoints of the server's HTTP API (docs/comments.md).
// JSON arrives as `unknown` and is checked here, at the edge. An error carries the server's code
// (the UI shows the catalogue's text for it, features/comments/apiErrorText.ts) and the server's own
// message as the fallback; errors made here (unreachable, unexpected answer) have a code and no text.
import {
  type CommentAnchor,
  type CommentMessage,
  type CommentThread,
  type DiffPart,
  isOrganisationKind,
  type Member,
  type NewThread,
  type ReviewAnswer,
  type ReviewState,
  ROUNDS,
  type Round,
  type RoundRecord,
  type RoundReport,
  SECTION_CHANGE_STATUSES,
  type SectionChangeStatus,
  type SectionComparison,
  VERSION_KINDS,
  type VersionKind,
  type VersionSummary,
} from '@novex/shared'
import { ApiError } from './documents.ts'
import { type ErrorFactory, failureOf, isRecord, requestJson, sendRequest } from './request.ts'

/** An API error with the server's error code (`forbidden`, `not_found`, …). */
export class CommentsApiError extends ApiError {
  readonly code: string
  constructor(status: number, code: string, message: string) {
    super(status, message)
    this.name = 'CommentsApiError'
    this.code = code
  }
}

export interface MessageInput {
  readonly body: string
  readonly mentions: readonly string[]
}

/** A named version as the page reads it: its id as text, as the address carries it (`?versie=`). */
export interface ClientVersionSummary extends Omit<VersionSummary, 'id'> {
  readonly id: string
}

/**
 * One section of a version comparison as the client reads it: the server's comparison without the word
 * counts, which are not read here.
 */
export type ComparedSection = Omit<SectionComparison, 'inserted' | 'deleted'>

const documentPath = (documentId: string): string => `/api/documents/${encodeURIComponent(documentId)}`
const threadPath = (documentId: string, threadId: string): string =>
  `${documentPath(documentId)}/comments/${encodeURIComponent(threadId)}`

// ---- comments -----------------------------------------------------------------------------------

export async function createThread(documentId: string, input: NewThread): Promise<CommentThread> {
  const body = await commentsRequest('POST', `${documentPath(documentId)}/comments`, {
    sectionId: input.sectionId,
    anchor: { start: input.anchor.start, end: input.anchor.end },
    quote: input.quote,
    body: input.body,
    mentions: input.mentions,
    ...(input.suggestion === undefined ? {} : { suggestion: input.suggestion }),
  })
  return expectThread(body)
}

/**
 * Records that this author took the thread's suggestion over into the section (their edit, already made),
 * with where that text now is (absent when the suggestion removed the text).
 */
export async function markSuggestionApplied(
  documentId: string,
  threadId: string,
  anchor: CommentAnchor | null,
): Promise<CommentThread> {
  const body = anchor === null ? {} : { anchor: { start: anchor.start, end: anchor.end } }
  return expectThread(await commentsRequest('POST', `${threadPath(documentId, threadId)}/suggestion/applied`, body))
}

/**
 * Hands a thread whose text was deleted over to that text as this page's Ctrl+Z restored it (new text
 * for Yjs): where the restored text is. The server checks the thread's text is gone and the new range
 * reads as its quote.
 */
export async function restoreThreadAnchor(
  documentId: string,
  threadId: string,
  anchor: CommentAnchor,
): Promise<CommentThread> {
  const body = { anchor: { start: anchor.start, end: anchor.end } }
  return expectThread(await commentsRequest('POST', `${threadPath(documentId, threadId)}/anchor`, body))
}

export async function addMessage(documentId: string, threadId: string, input: MessageInput): Promise<CommentMessage> {
  const body = await commentsRequest('POST', `${threadPath(documentId, threadId)}/messages`, {
    body: input.body,
    mentions: input.mentions,
  })
  return expectMessage(body)
}

export async function editMessage(
  documentId: string,
  threadId: string,
  messageId: string,
  input: MessageInput,
): Promise<CommentMessage> {
  const path = `${threadPath(documentId, threadId)}/messages/${encodeURIComponent(messageId)}`
  return expectMessage(await commentsRequest('PATCH', path, { body: input.body, mentions: input.mentions }))
}

export async function deleteMessage(documentId: string, threadId: string, messageId: string): Promise<CommentMessage> {
  const path = `${threadPath(documentId, threadId)}/messages/${encodeURIComponent(messageId)}`
  return expectMessage(await commentsRequest('DELETE', path))
}

export async function setThreadStatus(
  documentId: string,
  threadId: string,
  action: 'resolve' | 'reopen',
): Promise<CommentThread> {
  return expectThread(await commentsRequest('POST', `${threadPath(documentId, threadId)}/${action}`, {}))
}

export async function fetchMembers(documentId: string, signal?: AbortSignal): Promise<Member[]> {
  const body = await commentsRequest('GET', `${documentPath(documentId)}/members`, undefined, signal)
  if (!Array.isArray(body)) throw unexpected()
  return body.flatMap((value): Member[] => {
    if (!isRecord(value)) return []
    const { userId, name, organisationName, organisationKind } = value
    if (typeof userId !== 'string' || typeof name !== 'string' || typeof organisationName !== 'string') return []
    if (!isOrganisationKind(organisationKind)) return []
    return [{ userId, name, organisationName, organisationKind }]
  })
}

// ---- review rounds ------------------------------------------------------------------------------

export async function fetchReview(documentId: string, signal?: AbortSignal): Promise<ReviewAnswer> {
  const body = await commentsRequest('GET', `${documentPath(documentId)}/review`, undefined, signal)
  if (!isRecord(body) || !isReviewState(body.state)) throw unexpected()
  return { state: body.state, canManage: body.canManage === true }
}

export async function openRound(documentId: string): Promise<ReviewState> {
  const body = await commentsRequest('POST', `${documentPath(documentId)}/review/open`, {})
  if (!isReviewState(body)) throw unexpected()
  return body
}

export async function closeRound(
  documentId: string,
): Promise<{ state: ReviewState; versionId: string | null; report: RoundReport }> {
  const body = await commentsRequest('POST', `${documentPath(documentId)}/review/close`, {})
  if (!isRecord(body) || !isReviewState(body.state) || !isRoundReport(body.report)) throw unexpected()
  const versionId =
    typeof body.versionId === 'string' || typeof body.versionId === 'number' ? String(body.versionId) : null
  return { state: body.state, versionId, report: body.report }
}

export async function fetchRoundReport(documentId: string, round: Round, signal?: AbortSignal): Promise<RoundReport> {
  const body = await commentsRequest('GET', `${documentPath(documentId)}/review/${round}/report`, undefined, signal)
  if (!isRoundReport(body)) throw unexpected()
  return body
}

/** Where the browser downloads the report as a file (the server sets Content-Disposition). */
export function roundReportUrl(documentId: string, round: Round, format: 'md' | 'pdf'): string {
  return `${documentPath(documentId)}/review/${round}/report?format=${format}`
}

// ---- versions -----------------------------------------------------------------------------------

export async function fetchVersions(documentId: string, signal?: AbortSignal): Promise<ClientVersionSummary[]> {
  const body = await commentsRequest('GET', `${documentPath(documentId)}/versions`, undefined, signal)
  if (!Array.isArray(body)) throw unexpected()
  return body.flatMap((value): ClientVersionSummary[] => {
    if (!isRecord(value)) return []
    const { id, kind, round, name, createdAt, createdBy } = value
    if (typeof id !== 'string' && typeof id !== 'number') return []
    if (typeof name !== 'string' || typeof createdAt !== 'number') return []
    return [
      {
        id: String(id),
        // A kind this page does not know (a newer server) is shown by its stored name.
        kind: isVersionKind(kind) ? kind : 'other',
        round: isRound(round) ? round : null,
        name,
        createdAt,
        createdBy: typeof createdBy === 'string' ? createdBy : '',
      },
    ]
  })
}

/** The full Yjs state of a stored version (V1 update), to apply into an empty Y.Doc. */
export async function fetchVersionState(
  documentId: string,
  versionId: string,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const url = `${documentPath(documentId)}/versions/${encodeURIComponent(versionId)}`
  const response = await sendRequest('GET', url, commentsError, { signal, accept: 'application/octet-stream' })
  if (!response.ok) throw failureOf(response.status, await response.json().catch(() => null), commentsError)
  return new Uint8Array(await response.arrayBuffer())
}

export async function compareVersions(
  documentId: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<ComparedSection[]> {
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
  const body = await commentsRequest('GET', `${documentPath(documentId)}/versions/compare?${query}`, undefined, signal)
  if (!isRecord(body) || !Array.isArray(body.sections)) throw unexpected()
  return body.sections.flatMap((value): ComparedSection[] => {
    if (!isRecord(value)) return []
    const { sectionId, title, status, parts } = value
    if (typeof sectionId !== 'string' || typeof title !== 'string' || !isChangeStatus(status)) return []
    return [{ sectionId, title, status, parts: Array.isArray(parts) ? parts.filter(isDiffPart) : [] }]
  })
}

// ---- transport ----------------------------------------------------------------------------------

/** A failed comments request: the server's code (or `http_<status>`) and message. */
const commentsError: ErrorFactory<CommentsApiError> = (status, code, message) =>
  new CommentsApiError(status, code ?? `http_${status}`, message)

const commentsRequest = (method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<unknown> =>
  requestJson(method, url, commentsError, { body, signal })

function unexpected(): CommentsApiError {
  return new CommentsApiError(500, 'unexpected', '')
}

// ---- shapes -------------------------------------------------------------------------------------

function expectThread(value: unknown): CommentThread {
  if (!isThread(value)) throw unexpected()
  return value
}

function expectMessage(value: unknown): CommentMessage {
  if (!isMessage(value)) throw unexpected()
  return value
}

/** The fields the UI reads; the server (shared types) guarantees the rest of the shape. */
export function isThread(value: unknown): value is CommentThread {
  if (!isRecord(value) || !isRecord(value.anchor)) return false
  return (
    typeof value.id === 'string' &&
    typeof value.sectionId === 'string' &&
    typeof value.anchor.start === 'string' &&
    typeof value.anchor.end === 'string' &&
    typeof value.quote === 'string' &&
    (value.status === 'open' || value.status === 'resolved') &&
    (value.round === null || isRound(value.round)) &&
    isAuthor(value.openedBy) &&
    typeof value.openedAt === 'number' &&
    Array.isArray(value.messages) &&
    value.messages.every(isMessage) &&
    (value.suggestion === undefined || value.suggestion === null || isSuggestion(value.suggestion))
  )
}

function isSuggestion(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.text === 'string' &&
    (value.appliedBy === null || isAuthor(value.appliedBy)) &&
    (value.appliedAt === null || typeof value.appliedAt === 'number')
  )
}

function isMessage(value: unknown): value is CommentMessage {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    isAuthor(value.author) &&
    typeof value.body === 'string' &&
    typeof value.at === 'number' &&
    typeof value.deleted === 'boolean'
  )
}

function isAuthor(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.userId === 'string' &&
    typeof value.name === 'string' &&
    typeof value.organisationName === 'string'
  )
}

function isReviewState(value: unknown): value is ReviewState {
  if (!isRecord(value) || !(value.active === null || isRound(value.active)) || !Array.isArray(value.rounds))
    return false
  return value.rounds.every(isRoundRecord)
}

function isRoundRecord(value: unknown): value is RoundRecord {
  return isRecord(value) && isRound(value.round) && typeof value.openedAt === 'number'
}

/** The parts the UI relies on; the server (shared types) guarantees the rest of the shape. */
function isRoundReport(value: unknown): value is RoundReport {
  if (!isRecord(value) || !isRound(value.round) || !Array.isArray(value.sections) || !isRecord(value.totals))
    return false
  return value.sections.every(
    (s) =>
      isRecord(s) &&
      typeof s.sectionId === 'string' &&
      typeof s.title === 'string' &&
      isRecord(s.opened) &&
      isRecord(s.resolved) &&
      isRecord(s.open) &&
      isRecord(s.changes),
  )
}

function isDiffPart(value: unknown): value is DiffPart {
  return isRecord(value) && typeof value.value === 'string'
}

function isChangeStatus(value: unknown): value is SectionChangeStatus {
  return (SECTION_CHANGE_STATUSES as readonly unknown[]).includes(value)
}

function isVersionKind(value: unknown): value is VersionKind {
  return (VERSION_KINDS as readonly unknown[]).includes(value)
}

export function isRound(value: unknown): value is Round {
  return (ROUNDS as readonly unknown[]).includes(value)
}
