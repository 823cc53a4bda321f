// A JPEG's EXIF orientation: how a viewer turns the stored pixels to show the picture. A phone stores a
// photo as its sensor saw it and writes in its EXIF block (APP1) how it was held: the Orientation tag
// (0x0112, a SHORT of 1–8) of the block's first image directory, as EXIF and TIFF 6.0 define it. Browsers
// and pdfkit show the picture turned so. This is the one place that reads the tag (imageBytes.ts asks
// here) and says what each value means.

/** 1: as stored; 2–4: mirrored or turned half; 5–8: turned (and 5, 7 also mirrored) a quarter. */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8

const ORIENTATION_TAG = 0x0112
const TYPE_SHORT = 3

/**
 * The orientation an APP1 segment's body (after its length) says, or null when it is no EXIF block. An
 * EXIF block without a sound orientation (no tag, another type, a value outside 1–8, a directory past
 * its end) says 1: the picture as stored. Reads only within `body`; never throws.
 */
export function exifOrientation(body: Uint8Array): Orientation | null {
  if (!startsWith(body, 'Exif\0\0')) return null
  const tiff = body.subarray(6)
  const littleEndian = startsWith(tiff, 'II')
  if (!littleEndian && !startsWith(tiff, 'MM')) return 1
  const data = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength)
  // -1 for what lies outside the block (a directory offset of -1 then reads as -1 too).
  const within = (at: number, size: number) => at >= 0 && at + size <= tiff.length
  const u16 = (at: number) => (within(at, 2) ? data.getUint16(at, littleEndian) : -1)
  const u32 = (at: number) => (within(at, 4) ? data.getUint32(at, littleEndian) : -1)
  if (u16(2) !== 42) return 1
  const directory = u32(4)
  const entries = u16(directory)
  for (let i = 0; i < entries; i++) {
    const entry = directory + 2 + i * 12
    if (u16(entry) !== ORIENTATION_TAG) continue
    const value = u16(entry + 8)
    return u16(entry + 2) === TYPE_SHORT && isOrientation(value) ? value : 1
  }
  return 1
}

function isOrientation(value: number): value is Orientation {
  return Number.isInteger(value) && value >= 1 && value <= 8
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  return bytes.length >= text.length && [...text].every((char, i) => bytes[i] === char.charCodeAt(0))
}

/** Whether a viewer turns the picture a quarter: its shown width is its stored height. */
export function turnsQuarter(orientation: Orientation): boolean {
  return orientation >= 5
}

/** The size a viewer shows stored pixels of `size` at. */
export function shownSize(
  size: { readonly width: number; readonly height: number },
  orientation: Orientation,
): { width: number; height: number } {
  return turnsQuarter(orientation)
    ? { width: size.height, height: size.width }
    : { width: size.width, height: size.height }
}

/** A shown coordinate as `constant + perX·x + perY·y` of the stored pixel (x, y). */
type Place = readonly [constant: number, perX: number, perY: number]

/**
 * Where a viewer shows stored pixel (x, y) of a `w` × `h` image: [shown x, shown y], each the stored x
 * or y, counted from its start or mirrored from its end. Read off the EXIF meaning of each value (2: row
 * 0 at the top, column 0 at the right; 6: row 0 at the right, column 0 at the top; 8: row 0 at the left,
 * column 0 at the bottom; and so on).
 */
function shownAt(orientation: Orientation, w: number, h: number): readonly [x: Place, y: Place] {
  const x: Place = [0, 1, 0]
  const mirroredX: Place = [w - 1, -1, 0]
  const y: Place = [0, 0, 1]
  const mirroredY: Place = [h - 1, 0, -1]
  const places = {
    1: [x, y],
    2: [mirroredX, y],
    3: [mirroredX, mirroredY],
    4: [x, mirroredY],
    5: [y, x],
    6: [mirroredY, x],
    7: [mirroredY, mirroredX],
    8: [y, mirroredX],
  } as const
  return places[orientation]
}

/**
 * RGBA pixels as a viewer shows them: turned and mirrored as `orientation` says. One pass over the
 * pixels, 4 bytes at a time; a new buffer of the same length.
 */
export function orientPixels(
  pixels: { readonly width: number; readonly height: number; readonly rgba: Uint8Array },
  orientation: Orientation,
): { width: number; height: number; rgba: Uint8Array } {
  const { width, height } = pixels
  const shown = shownSize(pixels, orientation)
  // A copy when the decoder's buffer does not start on a 4-byte boundary, which a Uint32Array needs.
  const source = pixels.rgba.byteOffset % 4 === 0 ? pixels.rgba : pixels.rgba.slice()
  const from = new Uint32Array(source.buffer, source.byteOffset, width * height)
  const rgba = new Uint8Array(width * height * 4)
  const to = new Uint32Array(rgba.buffer)
  const [[x0, xPerX, xPerY], [y0, yPerX, yPerY]] = shownAt(orientation, width, height)
  // The index of the shown pixel, stepping along a stored row and from one stored row to the next.
  const origin = y0 * shown.width + x0
  const perX = yPerX * shown.width + xPerX
  const perY = yPerY * shown.width + xPerY
  for (let y = 0; y < height; y++) {
    const row = origin + y * perY
    const stored = y * width
    for (let x = 0; x < width; x++) to[row + x * perX] = from[stored + x] ?? 0
  }
  return { ...shown, rgba }
}
