// The document endpoints of the server's HTTP API. JSON arrives as `unknown` and is checked here,
// at the edge, before the rest of the client sees it.
import {
  DOCUMENT_STATUSES,
  type DocumentDetail,
  type DocumentStatus,
  type DocumentSummary,
  isDocumentKind,
} from '@novex/shared'
import { type ErrorFactory, isRecord, requestJson } from './request.ts'

/**
 * A document as the client reads it: the server's summary without `access`, which is not read here (the
 * document's sync connection says what the user may do, and keeps it current). `available` is taken as
 * true when the answer does not say.
 */
export type ClientDocumentSummary = Omit<DocumentSummary, 'access'>

/** One document as the client reads it: the server's detail without `access`. */
export type ClientDocumentDetail = Omit<DocumentDetail, 'access'>

/**
 * An HTTP answer other than 2xx; `status` 0 when the server could not be reached at all. `message` is
 * the server's own (Dutch) text, shown only when the client has no catalogue text for `serverCode`
 * (`not_found`, `unauthenticated`, … or `unexpected` for an answer the client could not read).
 */
export class ApiError extends Error {
  readonly status: number
  readonly serverCode: string | null
  constructor(status: number, message: string, serverCode: string | null = null) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.serverCode = serverCode
  }
}

/**
 * Whether asking again later may help: no answer (offline, the request cut off) or a server fault. Not for
 * a refusal (4xx): the same request gets the same answer.
 */
export function isTransientFailure(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500
}

/** The error's code: its own, or the `code` of a feature's subclass (SignoffApiError, …). */
export function apiErrorCode(error: ApiError): string | null {
  if (error.serverCode !== null) return error.serverCode
  const code: unknown = (error as { readonly code?: unknown }).code
  return typeof code === 'string' ? code : null
}

export async function fetchDocuments(signal?: AbortSignal): Promise<ClientDocumentSummary[]> {
  const body = await getJson('/api/documents', signal)
  if (!Array.isArray(body)) throw new ApiError(500, 'Onverwacht antwoord van de server.', 'unexpected')
  return body.map(parseDetail).filter((d): d is ClientDocumentDetail => d !== null)
}

export async function fetchDocument(id: string, signal?: AbortSignal): Promise<ClientDocumentDetail> {
  const detail = parseDetail(await getJson(`/api/documents/${encodeURIComponent(id)}`, signal))
  if (!detail) throw new ApiError(500, 'Onverwacht antwoord van de server.', 'unexpected')
  return detail
}

/** A failed request as the base ApiError: the server's message, or a short Dutch one when it sent none. */
export const apiError: ErrorFactory<ApiError> = (status, code, message) =>
  status === 0
    ? new ApiError(0, 'De server is niet bereikbaar.', 'unreachable')
    : new ApiError(status, message || `Fout ${status}`, code)

const getJson = (url: string, signal?: AbortSignal): Promise<unknown> => requestJson('GET', url, apiError, { signal })

function parseDetail(value: unknown): ClientDocumentDetail | null {
  if (!isRecord(value)) return null
  const { id, kind, title } = value
  if (typeof id !== 'string' || typeof title !== 'string' || !isDocumentKind(kind)) return null
  return {
    id,
    kind,
    title,
    ...optionalString(value, 'areaId'),
    ...optionalString(value, 'provinceId'),
    ...optionalString(value, 'areaName'),
    ...optionalString(value, 'provinceName'),
    available: value.available !== false,
    ...((DOCUMENT_STATUSES as readonly unknown[]).includes(value.status)
      ? { status: value.status as DocumentStatus }
      : {}),
    ...(typeof value.openThreads === 'number' ? { openThreads: value.openThreads } : {}),
    ...(typeof value.mentionsYou === 'number' ? { mentionsYou: value.mentionsYou } : {}),
  }
}

function optionalString<K extends string>(record: Record<string, unknown>, key: K): Partial<Record<K, string>> {
  const value = record[key]
  return typeof value === 'string' ? ({ [key]: value } as Partial<Record<K, string>>) : {}
}
