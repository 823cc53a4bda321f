// What an image's bytes really are, checked before any format embeds them: a PNG or a JPEG that a viewer
// can show, and its size in pixels. The formats copy the bytes as they are (DOCX, ODT) or nearly so
// (PDF), so damaged bytes would give a broken picture, and in the PDF worse: pdfkit decodes a PNG with
// transparency or interlacing on a later turn of the event loop, where an error cannot be caught and
// ends the worker with every export on it. So a PNG's pixel data is inflated here once, with the same
// zlib that pdfkit's PNG reader uses, and its rows checked the way that reader walks them.
import { crc32, inflateSync } from 'node:zlib'
import { exifOrientation, type Orientation } from './jpegOrientation.ts'

export interface ImageFacts {
  readonly format: 'png' | 'jpg'
  readonly mediaType: 'image/png' | 'image/jpeg'
  /** Pixels, as stored (a JPEG's EXIF orientation is not applied). */
  readonly width: number
  readonly height: number
  /** How a viewer turns the stored pixels: a JPEG's EXIF orientation (jpegOrientation.ts); 1 for a PNG. */
  readonly orientation: Orientation
  /** Whether the pixel data was inflated and found whole. False for a JPEG and for a very large PNG. */
  readonly pixelsChecked: boolean
  /** A PNG with an alpha channel, a transparent palette entry or interlacing: the PDF decodes its pixels. */
  readonly decodedByPdf: boolean
  /** A JPEG of four components (CMYK or YCCK): the PDF turns it into RGB first (cmykToRgbJpeg.ts). */
  readonly cmyk: boolean
}

/** Inflating more than this to check it costs more memory than the check is worth (a 33 MP RGB map). */
const MAX_CHECKED_BYTES = 100 * 1024 * 1024

/**
 * The largest width or height accepted: the upload limit (@novex/shared's MAX_IMAGE_PIXELS; a unit test
 * keeps them equal). Not imported: this runs in the export pool's worker threads, which load no workspace
 * package at run time.
 */
export const MAX_IMAGE_SIDE = 20_000

/** The image's facts, or null when the bytes are not a PNG or JPEG that can be shown. Never throws. */
export function inspectImage(bytes: Uint8Array): ImageFacts | null {
  try {
    if (startsWith(bytes, PNG_SIGNATURE)) return inspectPng(bytes)
    if (startsWith(bytes, [0xff, 0xd8, 0xff])) return inspectJpeg(bytes)
    return null
  } catch {
    // A reader running off the end of a truncated file, or zlib refusing the data: not an image.
    return null
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte)
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** Bit depths allowed per PNG colour type, and the samples per pixel (PNG spec §11.2.2). */
const PNG_COLOUR_TYPES: Readonly<Record<number, { readonly depths: readonly number[]; readonly samples: number }>> = {
  0: { depths: [1, 2, 4, 8, 16], samples: 1 },
  2: { depths: [8, 16], samples: 3 },
  3: { depths: [1, 2, 4, 8], samples: 1 },
  4: { depths: [8, 16], samples: 2 },
  6: { depths: [8, 16], samples: 4 },
}

interface PngHeader {
  readonly width: number
  readonly height: number
  readonly depth: number
  readonly colourType: number
  readonly interlaced: boolean
}

/** The chunks in order, each checked against its CRC; IHDR first, IEND last, PLTE for a palette image. */
function inspectPng(bytes: Uint8Array): ImageFacts | null {
  const data = view(bytes)
  let header: PngHeader | null = null
  let palette = false
  let transparentPalette = false
  const idat: Uint8Array[] = []
  let pos = PNG_SIGNATURE.length
  for (;;) {
    if (pos + 12 > bytes.length) return null
    const length = data.getUint32(pos)
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8))
    const end = pos + 8 + length
    if (length > 0x7fffffff || end + 4 > bytes.length) return null
    if (crc32(bytes.subarray(pos + 4, end)) !== data.getUint32(end)) return null
    const body = bytes.subarray(pos + 8, end)
    if (header === null && type !== 'IHDR') return null
    if (type === 'IHDR') {
      if (header !== null) return null
      header = pngHeader(body)
      if (!header) return null
    } else if (type === 'PLTE') palette = true
    else if (type === 'tRNS') transparentPalette = header?.colourType === 3
    else if (type === 'IDAT') idat.push(body)
    else if (type === 'IEND') break
    pos = end + 4
  }
  if (!header || idat.length === 0 || (header.colourType === 3 && !palette)) return null
  const pixelsChecked = pngRowBytes(header) <= MAX_CHECKED_BYTES
  if (pixelsChecked && !pngPixelsWhole(header, concat(idat))) return null
  return {
    format: 'png',
    mediaType: 'image/png',
    width: header.width,
    height: header.height,
    orientation: 1,
    pixelsChecked,
    decodedByPdf: header.interlaced || header.colourType === 4 || header.colourType === 6 || transparentPalette,
    cmyk: false,
  }
}

function pngHeader(body: Uint8Array): PngHeader | null {
  if (body.length !== 13) return null
  const data = view(body)
  const header = {
    width: data.getUint32(0),
    height: data.getUint32(4),
    depth: body[8] ?? 0,
    colourType: body[9] ?? -1,
    interlaced: body[12] === 1,
  }
  const colour = PNG_COLOUR_TYPES[header.colourType]
  const valid =
    colour?.depths.includes(header.depth) &&
    validSide(header.width) &&
    validSide(header.height) &&
    body[10] === 0 && // deflate
    body[11] === 0 && // adaptive filtering
    (body[12] === 0 || body[12] === 1)
  return valid ? header : null
}

function validSide(value: number): boolean {
  return value > 0 && value <= MAX_IMAGE_SIDE
}

/** The bytes of each pass's rows, filter byte included: one pass, or the seven of Adam7 interlacing. */
function pngPasses(header: PngHeader): { readonly rows: number; readonly rowBytes: number }[] {
  const bitsPerPixel = header.depth * (PNG_COLOUR_TYPES[header.colourType]?.samples ?? 1)
  const pass = (x0: number, y0: number, dx: number, dy: number) => {
    // A pass with no columns or no rows (in a small image) has no rows at all, not even filter bytes.
    const columns = Math.max(Math.ceil((header.width - x0) / dx), 0)
    const rows = columns > 0 ? Math.max(Math.ceil((header.height - y0) / dy), 0) : 0
    return { rows, rowBytes: 1 + Math.ceil((columns * bitsPerPixel) / 8) }
  }
  if (!header.interlaced) return [pass(0, 0, 1, 1)]
  return ADAM7.map(([x0, y0, dx, dy]) => pass(x0, y0, dx, dy)).filter((p) => p.rows > 0)
}

const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
]

function pngRowBytes(header: PngHeader): number {
  return pngPasses(header).reduce((total, p) => total + p.rows * p.rowBytes, 0)
}

/**
 * Whether the zlib stream inflates to at least every row, each starting with a filter type 0–4. Short
 * data or an unknown filter is what makes pdfkit's PNG reader throw where no one can catch it.
 */
function pngPixelsWhole(header: PngHeader, compressed: Uint8Array): boolean {
  const expected = pngRowBytes(header)
  // Some slack for encoders that add a little too much; far more is a damaged (or hostile) stream.
  const pixels = inflateSync(compressed, { maxOutputLength: expected + 64 * 1024 })
  if (pixels.length < expected) return false
  let pos = 0
  for (const { rows, rowBytes } of pngPasses(header)) {
    for (let row = 0; row < rows; row++) {
      if ((pixels[pos] ?? 255) > 4) return false
      pos += rowBytes
    }
  }
  return true
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts)
}

/** Start-of-frame markers the PDF (DCTDecode) and the word processors show: baseline, extended, progressive. */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2])
/** Other start-of-frame markers: lossless, hierarchical or arithmetic coding, which viewers mostly refuse. */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

/**
 * The segments up to the first scan, each within the file: one frame header (8-bit samples, 1, 3 or 4
 * components, a size) before the scan. The compressed scan itself is not decoded here: the formats embed
 * it as it is (the PDF too, but for a CMYK JPEG), and decoding every JPEG of every export would cost
 * seconds; the upload check decodes it once (renderWorker.ts, jpegDecoder.ts).
 */
function inspectJpeg(bytes: Uint8Array): ImageFacts | null {
  const data = view(bytes)
  let frame: { width: number; height: number; cmyk: boolean } | null = null
  // The first EXIF block's, as browsers and pdfkit read it.
  let orientation: Orientation | null = null
  let pos = 2
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return null
    const marker = bytes[pos + 1] ?? 0
    // Fill bytes before a marker, and markers without a length.
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += marker === 0xff ? 1 : 2
      continue
    }
    if (marker === 0xd9) return null // the end, before any scan
    const length = data.getUint16(pos + 2)
    if (length < 2 || pos + 2 + length > bytes.length) return null
    if (marker === 0xda) {
      if (!frame) return null
      return {
        format: 'jpg',
        mediaType: 'image/jpeg',
        ...frame,
        orientation: orientation ?? 1,
        pixelsChecked: false,
        decodedByPdf: false,
      }
    }
    if (marker === 0xe1 && orientation === null) {
      orientation = exifOrientation(bytes.subarray(pos + 4, pos + 2 + length))
    }
    if (OTHER_FRAMES.has(marker)) return null
    if (JPEG_FRAMES.has(marker)) {
      if (frame || length < 8) return null
      const [precision, components] = [bytes[pos + 4], bytes[pos + 9]]
      const height = data.getUint16(pos + 5)
      const width = data.getUint16(pos + 7)
      if (precision !== 8 || ![1, 3, 4].includes(components ?? 0) || !validSide(width) || !validSide(height)) {
        return null
      }
      frame = { width, height, cmyk: components === 4 }
    }
    pos += 2 + length
  }
  return null
}
