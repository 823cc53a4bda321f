// A photo's JPEG as DOCX and ODT embed it: upright pixels and no orientation left to apply. A phone
// stores a portrait photo as its sensor saw it, on its side, with an EXIF orientation (jpegOrientation.ts)
// that browsers and pdfkit apply. Word does not apply it and LibreOffice does in some versions only, so
// the original bytes lie on their side in one program and stand upright in another, and for a quarter
// turn in a box of the wrong shape.
//
// Why not turn it in the markup and keep the bytes (DOCX `a:xfrm rot`/`flipH`/`flipV` on the picture under
// an anchor extent of the turned box; ODT `draw:transform` or `style:mirror`): a program that also applies
// the EXIF tag turns it twice, unless the tag is also removed; and whether each program turns an inline
// picture by that markup and lays it out in the turned box (Word, LibreOffice's DOCX import, LibreOffice
// Writer's frames, converters that read only the picture) could not be checked here: no Word or
// LibreOffice is at hand, and a wrong guess is a sideways photo in a signed dossier. Upright pixels
// without an orientation tag show the same in every program that shows a JPEG at all, and the tests can
// prove them by decoding. So a JPEG whose orientation is not 1 is decoded (jpegDecoder.ts, at most
// 4096 × 4096 pixels), turned and mirrored as a browser shows it, and encoded again as baseline RGB at
// quality 90, 4:4:4 (cmykToRgbJpeg.ts): no visible loss. Its RGB colour profile (APP2 ICC_PROFILE, a
// phone's Display P3) comes along; its EXIF block does not. Cost on the 2-core test machine: about
// 2.6 s for a 12-megapixel photo (decode 1.5 s, encode 1.1 s), once per photo in each DOCX or ODT export.
// The PDF keeps the original bytes: pdfkit turns them itself.
import { decodeAsRgba, encodeRgbJpeg } from './cmykToRgbJpeg.ts'
import type { EmbeddableImage } from './embeddedImages.ts'
import { orientPixels } from './jpegOrientation.ts'
import { headerSegments, isSegment, type Segment, withSegmentsAfterFirst } from './jpegSegments.ts'

/**
 * The image upright: itself when no viewer turns it (a PNG, a JPEG of orientation 1); otherwise a new
 * JPEG of its shown size, orientation 1. A JPEG that is not decoded (larger than 4096 × 4096, a kind
 * jpeg-js misreads, data it finds damaged) is embedded as stored without its EXIF block, so that every
 * program shows it alike, on its side (see README, known limits); damage then shows as a damaged
 * picture, as in a JPEG that is not turned, and every format still shows the image.
 */
export function uprightJpeg(image: EmbeddableImage): EmbeddableImage {
  if (image.format !== 'jpg' || image.orientation === 1) return image
  return turnedUpright(image) ?? { ...image, data: withoutExif(image.data), orientation: 1 }
}

/**
 * A JPEG of orientation 2–8 decoded, turned and encoded again upright (as `uprightJpeg`); null when it
 * cannot be decoded. Uploads use it too (images/…, renderWorker `checkUpload`), so that a photo is kept
 * upright once rather than turned in every export.
 */
export function turnedUpright(image: EmbeddableImage): EmbeddableImage | null {
  const decoded = decodeAsRgba(image.data, image)
  if (decoded.kind !== 'pixels') return null
  const shown = orientPixels(decoded, image.orientation)
  const profile = image.cmyk ? [] : rgbProfile(image.data, headerSegments(image.data))
  return {
    ...image,
    data: withSegmentsAfterFirst(encodeRgbJpeg(shown), profile),
    width: shown.width,
    height: shown.height,
    orientation: 1,
    cmyk: false,
  }
}

const ICC_SIGNATURE = 'ICC_PROFILE\0'

/**
 * The ICC profile's segments (APP2, in order; a profile over 64 KB takes several) when it is an RGB
 * profile, the only kind that fits the RGB JPEG written here. The profile's colour space is bytes 16–19
 * of its header, in the first chunk after the signature, the chunk's number and the number of chunks.
 */
function rgbProfile(bytes: Uint8Array, segments: readonly Segment[]): Uint8Array[] {
  const chunks = segments.filter((s) => isSegment(bytes, s, 0xe2, ICC_SIGNATURE))
  const header = (s: Segment) => s.start + 4 + ICC_SIGNATURE.length + 2
  const first = chunks.find((s) => bytes[header(s) - 2] === 1)
  const at = first ? header(first) + 16 : 0
  const colourSpace = first && at + 4 <= first.end ? String.fromCharCode(...bytes.subarray(at, at + 4)) : ''
  return colourSpace === 'RGB ' ? chunks.map((s) => bytes.subarray(s.start, s.end)) : []
}

/** The JPEG without its EXIF blocks (APP1 "Exif"), which is where its orientation is. */
function withoutExif(bytes: Uint8Array): Uint8Array {
  const exif = headerSegments(bytes).filter((s) => isSegment(bytes, s, 0xe1, 'Exif\0'))
  if (exif.length === 0) return bytes
  const kept: Uint8Array[] = []
  let from = 0
  for (const s of exif) {
    kept.push(bytes.subarray(from, s.start))
    from = s.end
  }
  kept.push(bytes.subarray(from))
  return new Uint8Array(Buffer.concat(kept))
}
