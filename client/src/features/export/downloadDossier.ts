// Fetches the BO-MIRT dossier (`GET /api/documents/<id>/export?format=…`) and hands it to the browser
// as a download. The body is read as a stream so the page can show how far it is: bytes received of
// Content-Length, or "preparing" while the server has not answered yet (rendering a PDF takes time).
import { errorFromBody } from '../../api/signoff.ts'

export const EXPORT_FORMATS = [
  { key: 'pdf', label: 'PDF', extension: 'pdf' },
  { key: 'docx', label: 'DOCX (Word)', extension: 'docx' },
  { key: 'odt', label: 'ODT (OpenDocument)', extension: 'odt' },
  { key: 'md', label: 'Markdown', extension: 'md' },
] as const

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['key']

export type ExportProgress =
  | { readonly phase: 'preparing' }
  | { readonly phase: 'receiving'; readonly received: number; readonly total: number | null }

export interface DossierFile {
  readonly blob: Blob
  readonly filename: string
}

/** A failed export, with a Dutch message for the user. */
export class ExportError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'ExportError'
    this.status = status
  }
}

export async function fetchDossier(
  documentId: string,
  format: ExportFormat,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<DossierFile> {
  onProgress({ phase: 'preparing' })
  let response: Response
  try {
    response = await fetch(`/api/documents/${encodeURIComponent(documentId)}/export?format=${format}`, {
      credentials: 'same-origin',
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ExportError(0, 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.')
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null)
    throw new ExportError(response.status, exportFailure(response.status, errorFromBody(response.status, body).message))
  }
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

function exportFailure(status: number, serverMessage: string): string {
  if (status === 409) {
    return `Het dossier kan nu niet worden gemaakt: ${serverMessage} Controleer de vergrendelde onderdelen in het ondertekenpaneel.`
  }
  if (status >= 500) return 'De server kon het dossier niet maken. Probeer het over een paar minuten opnieuw.'
  if (status === 401) return 'U bent niet (meer) ingelogd. Log opnieuw in en probeer het nog eens.'
  if (status === 403) return 'U mag het dossier van dit document niet exporteren.'
  return serverMessage
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
