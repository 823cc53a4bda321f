// JSON responses and the one error shape of the API: { error: { code, message } }, message in Dutch.
import type { ServerResponse } from 'node:http'

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  constructor(status: number, code: string, message: string) {
    super(message)
    this.status = status
    this.code = code
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message } })
}

/** The database cannot be written right now (full, locked by another process, failing): nothing changed. */
export const storageUnavailable = (): ApiError =>
  new ApiError(
    503,
    'storage_unavailable',
    'De server kan op dit moment niets opslaan (de opslag is vol of bezet). Dit is niet gelukt en er is niets gewijzigd; probeer het over een minuut opnieuw.',
  )

/** The document cannot be opened now (quarantined: a stored row is corrupt); the administrator is warned. */
export const documentUnavailable = (): ApiError =>
  new ApiError(503, 'document_unavailable', 'Dit document is tijdelijk niet beschikbaar. De beheerder is gewaarschuwd.')

export const notFound = (): ApiError => new ApiError(404, 'not_found', 'Deze pagina of dit document bestaat niet.')

/**
 * A 429 for a rate limit: `Retry-After` set on `res`, and `reason` followed by how long to wait, in whole
 * minutes (at least one), in Dutch.
 */
export function tooManyRequests(res: ServerResponse, waitMs: number, code: string, reason: string): ApiError {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000))
  res.setHeader('retry-after', String(Math.ceil(waitMs / 1000)))
  return new ApiError(
    429,
    code,
    `${reason} Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
  )
}
