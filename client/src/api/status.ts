// The status decisions of an ontwikkelperspectief (server: api/statusApi.ts), for the area's trekkers.
// The status itself is read live from the document (features/status/useDocumentStatus.ts); these calls
// only record a decision, and a refusal carries the server's code and Dutch reason.
import type { ArchivedDossier } from '@novex/shared'
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

export async function fetchArchive(documentId: string, signal?: AbortSignal): Promise<ArchivedDossier[]> {
  const body = await requestJson('GET', archivePath(documentId), statusError, { signal })
  return Array.isArray(body) ? body.filter(isArchivedDossier) : []
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
