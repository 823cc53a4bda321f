// A JPEG's pixels, decoded in JavaScript with jpeg-js 0.4.4 (https://github.com/jpeg-js/jpeg-js), for the two
// places that need more than a JPEG's headers: the PDF, which turns a CMYK JPEG into RGB
// (cmykToRgbJpeg.ts), and the upload check, which refuses a JPEG whose compressed data is damaged
// (renderWorker.ts). Why jpeg-js: plain JavaScript without dependencies (the export worker threads load
// it as they are; sharp would bring a native libvips per platform), its decoder is pdf.js's (baseline
// and progressive, 1, 3 or 4 components, Adobe's CMYK and YCCK), and it also encodes baseline JPEG.
// What it costs (2-core test machine): a 12-megapixel photo takes 1.6 s to decode (progressive 2.1 s,
// CMYK 4.2 s) and about 35 bytes a pixel at its peak; hence MAX_DECODED_PIXELS.
//
// What it can tell about damage: jpeg-js fills what it cannot read without a word in many cases (a few
// lost or changed bytes in the compressed data mostly go unnoticed, as they do in libjpeg), so only its
// errors that can only come from damaged data count as damage; and it misreads one kind of sound JPEG,
// which is therefore not judged at all (see `misreadByJpegJs`).
import { decode } from 'jpeg-js'

/**
 * The most pixels decoded (a 4096 × 4096 image; a 12-megapixel phone photo fits). A larger JPEG is not
 * decoded: its compressed data is not checked at upload, and a larger CMYK JPEG is not shown in the PDF.
 */
export const MAX_DECODED_PIXELS = 4096 * 4096

/** jpeg-js's own guard, above what MAX_DECODED_PIXELS needs (4 components, about 30 bytes a pixel). */
const MAX_DECODER_MEMORY_MB = 1024

export type DecodedJpeg =
  | {
      readonly kind: 'pixels'
      readonly width: number
      readonly height: number
      /** RGBA, 4 bytes a pixel, row after row; a CMYK JPEG as Adobe's inverted CMYK turned into RGB. */
      readonly rgba: Uint8Array
    }
  /** The compressed data is certainly damaged: the decoder ran into what no sound JPEG holds. */
  | { readonly kind: 'damaged' }
  /** Not decoded, which says nothing about damage: too large, or a kind of JPEG jpeg-js cannot read. */
  | { readonly kind: 'notDecoded' }

/**
 * jpeg-js's errors while reading the compressed data: a marker where data should be (data lost, or a
 * scan that ends too soon), a code its Huffman table does not have, no restart marker where one must be,
 * an impossible refinement code. Its other errors (an unsupported colour mode, a limit, an unknown
 * marker) say nothing about damage. Matched by text: jpeg-js throws plain Errors (pinned at 0.4.4; the
 * tests notice if the messages change).
 */
const DAMAGE_ERRORS = /^(unexpected marker|invalid huffman sequence|marker was not found|invalid ACn encoding)/

/** The JPEG's pixels, or why there are none. Never throws. */
export function decodeJpeg(bytes: Uint8Array, size: { width: number; height: number }): DecodedJpeg {
  if (size.width * size.height > MAX_DECODED_PIXELS) return { kind: 'notDecoded' }
  try {
    const image = decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_DECODED_PIXELS / 1_000_000 + 1,
      maxMemoryUsageInMB: MAX_DECODER_MEMORY_MB,
    })
    return { kind: 'pixels', width: image.width, height: image.height, rgba: image.data }
  } catch (error) {
    const damaged = error instanceof Error && DAMAGE_ERRORS.test(error.message) && !misreadByJpegJs(bytes)
    return { kind: damaged ? 'damaged' : 'notDecoded' }
  }
}

/** Whether the JPEG's compressed data is certainly damaged (see decodeJpeg); false when it cannot tell. */
export function jpegDamaged(bytes: Uint8Array, size: { width: number; height: number }): boolean {
  // A sound JPEG jpeg-js misreads would be refused: not decoded at all (it also saves the time).
  if (size.width * size.height > MAX_DECODED_PIXELS || misreadByJpegJs(bytes)) return false
  return decodeJpeg(bytes, size).kind === 'damaged'
}

/**
 * Whether this is a JPEG that jpeg-js 0.4.4 misreads though it is sound: restart markers, and a scan of
 * fewer components than the frame (every progressive JPEG of colour has such scans). In such a scan it
 * decodes whole restart intervals, also past the last block of a component whose size is not a whole
 * number of blocks of the frame's sampling, and so runs into the next marker and throws "damage"
 * (found with libjpeg-turbo's `cjpeg -progressive -restart 2` of a 40 × 24 image; testImages.ts). Walks
 * the segments, skipping each scan's compressed data up to the next marker.
 */
function misreadByJpegJs(bytes: Uint8Array): boolean {
  let frameComponents = 0
  let restarts = false
  let partialScan = false
  let pos = 2
  while (pos + 4 <= bytes.length) {
    const marker = bytes[pos + 1] ?? 0
    // Compressed data, a stuffed zero after 0xFF, a restart marker or a fill byte: no segment here.
    if (bytes[pos] !== 0xff || marker === 0x00 || marker === 0xff || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 1
      continue
    }
    if (marker === 0xd9) break
    if (marker === 0x01) {
      pos += 2 // TEM: a marker without a length
      continue
    }
    const length = ((bytes[pos + 2] ?? 0) << 8) | (bytes[pos + 3] ?? 0)
    if (marker >= 0xc0 && marker <= 0xc2) frameComponents = bytes[pos + 9] ?? 0
    if (marker === 0xdd) restarts ||= (((bytes[pos + 4] ?? 0) << 8) | (bytes[pos + 5] ?? 0)) > 0
    if (marker === 0xda) partialScan ||= (bytes[pos + 4] ?? 0) < frameComponents
    pos += 2 + length
  }
  return restarts && partialScan
}
