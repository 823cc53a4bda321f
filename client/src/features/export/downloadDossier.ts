// Fetches the BO-MIRT dossier (`GET /api/documents/<id>/export?format=…`) and hands it to the browser
// as a download. The body is read as a stream so the page can show how far it is: bytes received of
// Content-Length, or "preparing" while the server has not answered yet (rendering a PDF takes time).
import { type ErrorFactory, failureOf, sendRequest } from '../../api/request.ts'

/** The formats, in the order of the choice; their names are in the catalogue (`export:formats.<key>`). */
export const EXPORT_FORMATS = [
  { key: 'pdf', extension: 'pdf' },
  { key: 'docx', extension: 'docx' },
  { key: 'odt', extension: 'odt' },
  { key: 'md', extension: 'md' },
] as const

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['key']

export type ExportProgress =
  | { readonly phase: 'preparing' }
  | { readonly phase: 'receiving'; readonly received: number; readonly total: number | null }

export interface DossierFile {
  readonly blob: Blob
  readonly filename: string
}

/**
 * A failed export: the HTTP status (0: the server could not be reached), the server's error code and
 * its (Dutch) message, if any. The text the user reads is chosen where it is shown, by status and code.
 */
export class ExportError extends Error {
  readonly status: number
  readonly code: string
  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ExportError'
    this.status = status
    this.code = code
  }
}

const exportError: ErrorFactory<ExportError> = (status, code, message) =>
  new ExportError(status, code ?? `http_${status}`, message)

export async function fetchDossier(
  documentId: string,
  format: ExportFormat,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<DossierFile> {
  onProgress({ phase: 'preparing' })
  const url = `/api/documents/${encodeURIComponent(documentId)}/export?format=${format}`
  const response = await sendRequest('GET', url, exportError, { signal, accept: '*/*' })
  if (!response.ok) throw failureOf(response.status, await response.json().catch(() => null), exportError)
  const length = Number(response.headers.get('content-length'))
  const total = Number.isFinite(length) && length > 0 ? length : null
  const type = response.headers.get('content-type') ?? 'application/octet-stream'
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  onProgress({ phase: 'receiving', received, total })
  if (response.body) {
    const reader = response.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.byteLength
      onProgress({ phase: 'receiving', received, total })
    }
  }
  const extension = EXPORT_FORMATS.find((f) => f.key === format)?.extension ?? format
  return {
    blob: new Blob(chunks, { type }),
    filename: filenameFrom(response.headers.get('content-disposition')) ?? `${documentId}.${extension}`,
  }
}

/** The file name of a `Content-Disposition: attachment` header (RFC 6266; `filename*` wins). */
export function filenameFrom(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // A malformed escape: fall back to the plain filename parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header)
  const name = plain?.[1] ?? plain?.[2]?.trim()
  return name ? name : null
}

/** Hands a file to the browser's download manager. */
export function saveFile({ blob, filename }: DossierFile, doc: Document = document): void {
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  doc.body.append(link)
  link.click()
  link.remove()
  // Give the download manager the URL before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function isExportFormat(value: string): value is ExportFormat {
  return EXPORT_FORMATS.some((f) => f.key === value)
}
