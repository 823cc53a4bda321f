import { describe, expect, it } from 'vitest'
import { exifOrientation, type Orientation, orientPixels, shownSize } from './jpegOrientation.ts'

/** An APP1 body: "Exif\0\0" and a TIFF header in either byte order whose first directory holds `entries`. */
function exifBody(littleEndian: boolean, entries: readonly { tag: number; type: number; value: number }[]): Uint8Array {
  const tiff = new Uint8Array(8 + 2 + entries.length * 12 + 4)
  const data = new DataView(tiff.buffer)
  tiff.set(littleEndian ? [0x49, 0x49] : [0x4d, 0x4d])
  data.setUint16(2, 42, littleEndian)
  data.setUint32(4, 8, littleEndian)
  data.setUint16(8, entries.length, littleEndian)
  entries.forEach(({ tag, type, value }, i) => {
    const at = 10 + i * 12
    data.setUint16(at, tag, littleEndian)
    data.setUint16(at + 2, type, littleEndian)
    data.setUint32(at + 4, 1, littleEndian)
    data.setUint16(at + 8, value, littleEndian)
  })
  return new Uint8Array([0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff])
}

const SHORT = 3
const LONG = 4
/** ImageWidth, then Orientation: the orientation need not be the first entry. */
const withOrientation = (value: number, type = SHORT) => [
  { tag: 0x0100, type: SHORT, value: 4032 },
  { tag: 0x0112, type, value },
]

describe('exifOrientation', () => {
  it('reads tag 0x0112 of the first directory, in either byte order', () => {
    expect(exifOrientation(exifBody(false, withOrientation(6)))).toBe(6)
    expect(exifOrientation(exifBody(true, withOrientation(8)))).toBe(8)
    expect(exifOrientation(exifBody(true, withOrientation(1)))).toBe(1)
  })

  it('is null for an APP1 block that is not EXIF (XMP)', () => {
    expect(exifOrientation(new TextEncoder().encode('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>'))).toBeNull()
  })

  it('says 1 for an EXIF block without a sound orientation, and never reads past the block', () => {
    expect(exifOrientation(exifBody(false, []))).toBe(1)
    expect(exifOrientation(exifBody(false, withOrientation(0)))).toBe(1)
    expect(exifOrientation(exifBody(false, withOrientation(9)))).toBe(1)
    expect(exifOrientation(exifBody(false, withOrientation(6, LONG)))).toBe(1)
    // Cut anywhere before the end of the orientation's value: "Exif\0\0", the TIFF header, the entry count,
    // the first entry, the orientation entry up to its value.
    const whole = exifBody(false, withOrientation(6))
    const valueEnd = 6 + 8 + 2 + 12 + 10
    for (let length = 0; length < whole.length; length++) {
      const cut = whole.subarray(0, length)
      expect(exifOrientation(cut), `cut at ${length}`).toBe(length < 6 ? null : length < valueEnd ? 1 : 6)
    }
    // A directory offset far past the end.
    const far = exifBody(false, withOrientation(6))
    far.set([0x7f, 0xff, 0xff, 0xff], 6 + 4)
    expect(exifOrientation(far)).toBe(1)
  })
})

describe('orientPixels', () => {
  // A 3 × 2 image of six pixels a–f, stored row after row:  a b c
  //                                                         d e f
  const stored = {
    width: 3,
    height: 2,
    rgba: Uint8Array.from([...'abcdef'].flatMap((c) => [c.charCodeAt(0), 0, 0, 255])),
  }
  const letters = (rgba: Uint8Array) => [...rgba].filter((_, i) => i % 4 === 0).map((code) => String.fromCharCode(code))

  // As the EXIF specification says each value: where the stored row 0 and column 0 are shown.
  it.each([
    [1, 'row 0 at the top, column 0 at the left', 3, 'abc' + 'def'],
    [2, 'row 0 at the top, column 0 at the right', 3, 'cba' + 'fed'],
    [3, 'row 0 at the bottom, column 0 at the right', 3, 'fed' + 'cba'],
    [4, 'row 0 at the bottom, column 0 at the left', 3, 'def' + 'abc'],
    [5, 'row 0 at the left, column 0 at the top', 2, 'ad' + 'be' + 'cf'],
    [6, 'row 0 at the right, column 0 at the top', 2, 'da' + 'eb' + 'fc'],
    [7, 'row 0 at the right, column 0 at the bottom', 2, 'fc' + 'eb' + 'da'],
    [8, 'row 0 at the left, column 0 at the bottom', 2, 'cf' + 'be' + 'ad'],
  ] as const)('orientation %i: %s', (orientation: Orientation, _meaning, width, shown) => {
    const turned = orientPixels(stored, orientation)
    expect({ width: turned.width, height: turned.height }).toEqual({ width, height: 6 / width })
    expect({ width: turned.width, height: turned.height }).toEqual(shownSize(stored, orientation))
    expect(letters(turned.rgba).join('')).toBe(shown)
    expect([...turned.rgba].filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255)).toBe(true)
  })

  it('reads a decoder buffer that does not start on a 4-byte boundary', () => {
    const padded = new Uint8Array(1 + stored.rgba.length)
    padded.set(stored.rgba, 1)
    const turned = orientPixels({ ...stored, rgba: padded.subarray(1) }, 6)
    expect(letters(turned.rgba).join('')).toBe('daebfc')
  })
})
