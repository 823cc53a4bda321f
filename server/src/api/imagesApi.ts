// Images of a document: POST /api/documents/<id>/images (the raw bytes of a PNG or JPEG, by an author)
// stores one and answers its address; GET /api/documents/<id>/images/<sha256> serves it to anyone who
// may open the document. Putting the image in a section is an ordinary edit, which the update gate
// checks (contentPolicy: an image of this document only). Storing does not wait for that edit: an
// image is small next to the loss of a map an author just chose.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { imageSrc, isImageId, MAX_IMAGE_BYTES } from '@novex/shared'
import type { User } from '../accounts/accountStore.ts'
import type { UploadCheck } from '../export/renderWorker.ts'
import type { ImageStore } from '../images/imageStore.ts'
import { inspectImage } from '../images/inspectImage.ts'
import type { UserRateLimiter } from '../limits/userRateLimiter.ts'
import type { DocumentCatalog } from '../persistence/documentCatalog.ts'
import { type Authorize, documentWithAccess } from './documentsApi.ts'
import { readBodyBytes } from './readBody.ts'
import { ApiError, sendJson, tooManyRequests } from './respond.ts'

export interface ImagesApiDeps {
  readonly catalog: DocumentCatalog
  readonly authorize: Authorize
  readonly images: ImageStore
  /** Bytes of images one document may hold (NOVEX_IMAGE_QUOTA_MB). */
  readonly quotaBytes: number
  /** Whether every pixel row is there, as the exports need it: checked off the event loop (exportPool). */
  /** The export thread's check of an upload (export/renderWorker.ts `checkUpload`). */
  readonly checkUpload: (bytes: Uint8Array) => Promise<UploadCheck>
  /** Uploads per user in a window (NOVEX_LIMIT_UPLOADS_PER_USER). */
  readonly uploads: UserRateLimiter
}

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })

/** Routes /api/documents/<id>/images[/<sha256>]; returns false when the path is not one of them. */
export async function routeImages(
  deps: ImagesApiDeps,
  user: User,
  req: IncomingMessage,
  res: ServerResponse,
  documentId: string,
  rest: readonly string[],
  method: string,
): Promise<boolean> {
  if (rest[0] !== 'images' || rest.length > 2) return false
  const { record, access } = documentWithAccess(deps.catalog, deps.authorize, user, documentId)
  const imageId = rest[1]
  if (imageId === undefined) {
    if (method !== 'POST') return false
    if (access !== 'edit') {
      throw new ApiError(
        403,
        'forbidden',
        'U kunt in dit document geen afbeeldingen plaatsen: u kunt het alleen lezen.',
      )
    }
    await upload(deps, user, req, res, record.id)
    return true
  }
  if (method !== 'GET' && method !== 'HEAD') return false
  const image = isImageId(imageId) ? deps.images.get(record.id, imageId) : null
  if (!image) throw new ApiError(404, 'image_not_found', 'Deze afbeelding bestaat niet (meer) in dit document.')
  // The address holds the hash of the bytes: what it serves never changes, so the browser may keep it.
  res.writeHead(200, {
    'content-type': image.mediaType,
    'content-length': image.data.byteLength,
    'cache-control': 'private, max-age=31536000, immutable',
    etag: `"${image.imageId}"`,
  })
  res.end(method === 'HEAD' ? undefined : image.data)
  return true
}

async function upload(
  deps: ImagesApiDeps,
  user: User,
  req: IncomingMessage,
  res: ServerResponse,
  documentId: string,
): Promise<void> {
  // Counted before the body is read: a refused upload costs no reading, hashing or decoding.
  const wait = await deps.uploads.take(user.id)
  if (wait > 0) {
    throw tooManyRequests(res, wait, 'too_many_uploads', 'U heeft in korte tijd veel afbeeldingen geüpload.')
  }
  const tooLarge = `De afbeelding is te groot (hoogstens ${megabytes(MAX_IMAGE_BYTES)} MB). Verklein haar of sla haar op als JPEG.`
  const sent = await readBodyBytes(req, MAX_IMAGE_BYTES, tooLarge)
  let inspected = inspectImage(sent)
  if (!inspected.ok) throw new ApiError(415, 'unsupported_image', inspected.problem)
  let data = sent
  // The same bytes again: already checked when they were stored, and they take no more room.
  let known = deps.images.has(documentId, inspected.imageId)
  if (!known) {
    const check = await deps.checkUpload(sent)
    if (!check.whole) {
      throw new ApiError(
        415,
        'unsupported_image',
        'De afbeelding is beschadigd: niet alle beeldpunten zijn te lezen. Sla haar opnieuw op (als PNG of JPEG) en probeer het nog eens.',
      )
    }
    // A photo on its side is kept upright, as it is shown (and as the same photo uploaded before was).
    if (check.upright !== null) {
      const upright = inspectImage(Buffer.from(check.upright))
      if (upright.ok) {
        data = Buffer.from(check.upright)
        inspected = upright
        known = deps.images.has(documentId, upright.imageId)
      }
    }
  }
  const { imageId, mediaType, width, height } = inspected
  // Counted after the wait, right before the insert (no await between): two uploads at once cannot
  // both slip under the quota.
  const held = deps.images.totalBytes(documentId)
  if (!known && held + data.byteLength > deps.quotaBytes) {
    throw new ApiError(
      413,
      'image_quota',
      `Dit document bevat al ${megabytes(held)} MB aan afbeeldingen; er past hoogstens ${megabytes(deps.quotaBytes)} MB in. Verklein deze afbeelding (bijvoorbeeld als JPEG) of vraag de beheerder om meer ruimte.`,
    )
  }
  const stored = deps.images.put(documentId, { imageId, mediaType, width, height, data }, user.id)
  sendJson(res, 201, { ...stored, src: imageSrc(documentId, stored.imageId) })
}
