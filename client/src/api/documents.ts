// The document endpoints of the server's HTTP API. JSON arrives as `unknown` and is checked here,
// at the edge, before the rest of the client sees it.
import { type DocumentKind, isDocumentKind } from '@novex/shared'

export interface DocumentSummary {
  readonly id: string
  readonly kind: DocumentKind
  readonly title: string
  readonly areaId?: string
  readonly provinceId?: string
}

export interface DocumentDetail extends DocumentSummary {
  readonly areaName?: string
  readonly provinceName?: string
}

/** An HTTP answer other than 2xx; `status` 0 when the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
  }
}

export async function fetchDocuments(signal?: AbortSignal): Promise<DocumentSummary[]> {
  const body = await getJson('/api/documents', signal)
  if (!Array.isArray(body)) throw new ApiError(500, 'Onverwacht antwoord van de server.')
  return body.map(parseDetail).filter((d): d is DocumentDetail => d !== null)
}

export async function fetchDocument(id: string, signal?: AbortSignal): Promise<DocumentDetail> {
  const detail = parseDetail(await getJson(`/api/documents/${encodeURIComponent(id)}`, signal))
  if (!detail) throw new ApiError(500, 'Onverwacht antwoord van de server.')
  return detail
}

async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin', signal })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(0, 'De server is niet bereikbaar.')
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw new ApiError(response.status, errorMessage(body) ?? `Fout ${response.status}`)
  return body
}

function errorMessage(body: unknown): string | null {
  if (!isRecord(body) || !isRecord(body.error)) return null
  return typeof body.error.message === 'string' ? body.error.message : null
}

function parseDetail(value: unknown): DocumentDetail | null {
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
  }
}

function optionalString<K extends string>(record: Record<string, unknown>, key: K): Partial<Record<K, string>> {
  const value = record[key]
  return typeof value === 'string' ? ({ [key]: value } as Partial<Record<K, string>>) : {}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
