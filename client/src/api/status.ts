// The status decisions of an ontwikkelperspectief (server: api/statusApi.ts), for the area's trekkers.
// The status itself is read live from the document (features/status/useDocumentStatus.ts); these calls
// only record a decision, and a refusal carries the server's code and Dutch reason. The adoption's own
// answer says whether the archived dossier was made (`archived`, null when not), but the page learns it
// from the archive's state (`fetchArchiveState`), which every reader of the document sees, also later.
import type { ArchivedDossier, ArchivePending, ArchiveState } from '@novex/shared'
import { ApiError } from './documents.ts'
import { type ErrorFactory, isRecord, requestJson } from './request.ts'

/** A refused or failed decision: the server's code (or `http_<status>`, `unreachable`) and message. */
export class StatusApiError extends ApiError {
  readonly code: string
  constructor(status: number, code: string, message: string) {
    super(status, message, code)
    this.name = 'StatusApiError'
    this.code = code
  }
}

const statusError: ErrorFactory<StatusApiError> = (status, code, message) =>
  new StatusApiError(status, code ?? `http_${status}`, message)

const decide = async (documentId: string, action: string, body: unknown): Promise<void> => {
  await requestJson('POST', `/api/documents/${encodeURIComponent(documentId)}/status/${action}`, statusError, { body })
}

export const submitForConsent = (documentId: string, note: string): Promise<void> =>
  decide(documentId, 'submit', { note })

export const withdrawSubmission = (documentId: string, reason: string): Promise<void> =>
  decide(documentId, 'withdraw', { reason })

/** `date`: yyyy-mm-dd (the day of the meeting or decision); `reference`: which meeting or decision. */
export const recordDecision = (
  documentId: string,
  kind: 'consent' | 'adopt',
  date: string,
  reference: string,
): Promise<void> => decide(documentId, kind, { date, reference })

/** The kept dossiers and, while there is none, whether the last attempt failed and when the next one is. */
export async function fetchArchiveState(documentId: string, signal?: AbortSignal): Promise<ArchiveState> {
  return archiveStateOf(await requestJson('GET', `${archivePath(documentId)}/state`, statusError, { signal }))
}

/** A trekker has the server try to make the missing dossier now; the state after that attempt. */
export async function retryArchive(documentId: string): Promise<ArchiveState> {
  return archiveStateOf(await requestJson('POST', archivePath(documentId), statusError, { body: {} }))
}

const archiveStateOf = (body: unknown): ArchiveState => {
  const state = parseArchiveState(body)
  // Unreadable is a failure to say as such, not "nothing kept yet": the page must not guess.
  if (state === null) throw new StatusApiError(500, 'unexpected', '')
  return state
}

/**
 * The archive's state as the server sends it (ArchiveState); null when the answer is not one. Dossiers
 * the page cannot show are left out; a failure is only told while no dossier is kept.
 */
export function parseArchiveState(body: unknown): ArchiveState | null {
  if (!isRecord(body) || !Array.isArray(body.dossiers)) return null
  const pending = body.pending
  if (pending !== null && !isArchivePending(pending)) return null
  const dossiers = body.dossiers.filter(isArchivedDossier)
  return { dossiers, pending: dossiers.length > 0 ? null : pending }
}

export const archivedDossierUrl = (documentId: string, id: number): string => `${archivePath(documentId)}/${id}`

const archivePath = (documentId: string): string => `/api/documents/${encodeURIComponent(documentId)}/archive`

/** The fields the UI reads; the server (shared types) guarantees the rest of the shape. */
function isArchivedDossier(value: unknown): value is ArchivedDossier {
  return (
    isRecord(value) &&
    typeof value.id === 'number' &&
    typeof value.name === 'string' &&
    typeof value.size === 'number' &&
    typeof value.sha256 === 'string' &&
    typeof value.createdAt === 'number' &&
    typeof value.createdBy === 'string'
  )
}

function isArchivePending(value: unknown): value is ArchivePending {
  return (
    isRecord(value) &&
    isTime(value.failedAt) &&
    (value.nextAttemptAt === null || isTime(value.nextAttemptAt)) &&
    typeof value.failures === 'number' &&
    Number.isInteger(value.failures) &&
    value.failures > 0
  )
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0
