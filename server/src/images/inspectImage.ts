// What an uploaded file is, read from its bytes (never from the name or the declared type): PNG or JPEG,
// its pixel size, and its id (the SHA-256 of the bytes). image-size reads the header; a file cut off in
// transfer still has a whole header, so the end is checked too. The pixel data itself is checked after
// this, on an export worker thread (imagesApi.ts, export/renderWorker.ts): a PNG's inflated (tens of
// milliseconds), a JPEG's decoded (export/jpegDecoder.ts; seconds for a large photo, and only part of
// the damage a JPEG can have is found).
import { createHash } from 'node:crypto'
import { type ImageId, type ImageMediaType, MAX_IMAGE_PIXELS } from '@novex/shared'
import { imageSize } from 'image-size'

export type InspectedImage =
  | {
      readonly ok: true
      readonly imageId: ImageId
      readonly mediaType: ImageMediaType
      readonly width: number
      readonly height: number
    }
  | { readonly ok: false; readonly problem: string }

const UNSUPPORTED = 'Dit bestand is geen PNG- of JPEG-afbeelding. Sla een kaart of figuur op als PNG of JPEG.'
const TRUNCATED =
  'De afbeelding is niet compleet (het bestand houdt te vroeg op). Sla haar opnieuw op en probeer het nog eens.'

const PNG_END = Buffer.from('IEND', 'latin1')
const JPEG_END = Buffer.from([0xff, 0xd9])
/** Cameras and editors may write padding after a JPEG's end marker. */
const JPEG_TRAILER_BYTES = 1_024

function header(bytes: Uint8Array): { mediaType: ImageMediaType; width: number; height: number } | null {
  try {
    const size = imageSize(bytes)
    const mediaType = size.type === 'png' ? 'image/png' : size.type === 'jpg' ? 'image/jpeg' : null
    if (mediaType === null || size.width === undefined || size.height === undefined) return null
    // EXIF orientations 5–8 turn the picture a quarter: the page shows it turned, so its sizes swap.
    const turned = size.orientation !== undefined && size.orientation >= 5
    return { mediaType, width: turned ? size.height : size.width, height: turned ? size.width : size.height }
  } catch {
    return null
  }
}

function isWhole(bytes: Buffer, mediaType: ImageMediaType): boolean {
  if (mediaType === 'image/png') return bytes.subarray(-8, -4).equals(PNG_END)
  return bytes.subarray(-JPEG_TRAILER_BYTES).includes(JPEG_END)
}

/** The bytes' facts, or why they are no image to keep. Their size is bounded before (imagesApi.ts). */
export function inspectImage(data: Uint8Array): InspectedImage {
  if (data.byteLength === 0) return { ok: false, problem: 'Het bestand is leeg.' }
  const found = header(data)
  if (found === null) return { ok: false, problem: UNSUPPORTED }
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  if (!isWhole(bytes, found.mediaType)) return { ok: false, problem: TRUNCATED }
  if (found.width < 1 || found.height < 1 || found.width > MAX_IMAGE_PIXELS || found.height > MAX_IMAGE_PIXELS) {
    return {
      ok: false,
      problem: `De afbeelding is ${found.width} × ${found.height} pixels; hoogstens ${MAX_IMAGE_PIXELS} pixels breed en hoog past in een document.`,
    }
  }
  const imageId = createHash('sha256').update(bytes).digest('hex') as ImageId
  return { ok: true, imageId, ...found }
}
