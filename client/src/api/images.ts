// POST /api/documents/<id>/images: uploads a PNG or JPEG (the raw bytes) and answers where the server
// keeps it. XMLHttpRequest rather than fetch, because only it reports upload progress, which a map of
// several megabytes on a slow connection needs. Failures are ApiErrors with the server's Dutch message.
import { imageSrc, isImageId } from '@novex/shared'
import { ApiError, apiError } from './documents.ts'
import { failureOf, isRecord } from './request.ts'

export interface UploadedImage {
  readonly src: string
  readonly width: number
  readonly height: number
}

export interface UploadOptions {
  /** Called with the fraction sent, 0..1. */
  readonly onProgress?: (fraction: number) => void
  readonly signal?: AbortSignal
}

function parseUploaded(documentId: string, body: unknown): UploadedImage | null {
  if (!isRecord(body)) return null
  const { imageId, width, height } = body
  if (!isImageId(imageId) || typeof width !== 'number' || typeof height !== 'number') return null
  return { src: imageSrc(documentId, imageId), width, height }
}

export function uploadImage(documentId: string, file: Blob, options: UploadOptions = {}): Promise<UploadedImage> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', `/api/documents/${encodeURIComponent(documentId)}/images`)
    request.responseType = 'json'
    request.setRequestHeader('accept', 'application/json')
    // The server reads the type from the bytes; this only labels the body.
    request.setRequestHeader('content-type', file.type || 'application/octet-stream')
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total)
    }
    request.onload = () => {
      const body: unknown = request.response
      if (request.status < 200 || request.status >= 300) {
        reject(failureOf(request.status, body, apiError))
        return
      }
      const uploaded = parseUploaded(documentId, body)
      if (uploaded) resolve(uploaded)
      else reject(new ApiError(request.status, 'De server gaf een onverwacht antwoord.'))
    }
    request.onerror = () => reject(apiError(0, 'unreachable', ''))
    request.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'))
    options.signal?.addEventListener('abort', () => request.abort(), { once: true })
    request.send(file)
  })
}
