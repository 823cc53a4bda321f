import { decode } from 'jpeg-js'
import { describe, expect, it } from 'vitest'
import { cmykToRgbJpeg } from './cmykToRgbJpeg.ts'
import { inspectImage } from './imageBytes.ts'
import { MAX_DECODED_PIXELS } from './jpegDecoder.ts'
import { cmykJpeg, type Inks, jpegWithOrientation, jpegWithScanCut } from './testing/testImages.ts'

/** Bands of 16 pixels: cyan ink, magenta and yellow (red), black, no ink. */
const BANDS: readonly (readonly [Inks, readonly [number, number, number]])[] = [
  [
    [255, 0, 0, 0],
    [0, 255, 255],
  ],
  [
    [0, 255, 255, 0],
    [255, 0, 0],
  ],
  [
    [0, 0, 0, 255],
    [0, 0, 0],
  ],
  [
    [0, 0, 0, 0],
    [255, 255, 255],
  ],
]
const inks = (blockX: number): Inks => BANDS[Math.floor(blockX / 2)]?.[0] ?? [0, 0, 0, 0]
const size = { width: 64, height: 16 }

function colourAt(jpeg: Uint8Array, x: number, y: number): number[] {
  const image = decode(jpeg, { useTArray: true })
  const at = (y * image.width + x) * 4
  return [...image.data.subarray(at, at + 3)]
}

describe('cmykToRgbJpeg', () => {
  it.each([
    ['CMYK as Adobe writes it (inverted)', cmykJpeg(64, 16, inks)],
    ['YCCK', cmykJpeg(64, 16, inks, { ycck: true })],
    ['CMYK without the Adobe marker (read as inverted, as browsers do)', cmykJpeg(64, 16, inks, { adobe: false })],
  ])('turns %s into an RGB JPEG of the same size and colours', (_case, cmyk) => {
    const rgb = cmykToRgbJpeg(cmyk, size)
    if (!rgb) throw new Error('not converted')
    expect(inspectImage(rgb)).toMatchObject({ format: 'jpg', ...size, cmyk: false })
    // Three components in the frame header (SOF0: precision, height, width, components).
    const sof = rgb.findIndex((byte, i) => byte === 0xff && rgb[i + 1] === 0xc0)
    expect(rgb[sof + 9]).toBe(3)
    for (const [band, [, expected]] of BANDS.entries()) {
      const shown = colourAt(rgb, band * 16 + 8, 8)
      const offBy = Math.max(...expected.map((value, channel) => Math.abs((shown[channel] ?? -99) - value)))
      expect(offBy, `band ${band}: ${shown.join(', ')}`).toBeLessThan(6)
    }
  })

  it("keeps the original's EXIF block, after the JFIF segment", () => {
    const cmyk = jpegWithOrientation(cmykJpeg(64, 16, inks), 6)
    const exif = cmyk.subarray(2, 2 + 4 + 6 + 26)
    const rgb = cmykToRgbJpeg(cmyk, size) ?? new Uint8Array()
    // SOI, then the encoder's APP0 "JFIF" (18 bytes), then the EXIF block as it was.
    expect([rgb[2], rgb[3]]).toEqual([0xff, 0xe0])
    expect(Buffer.from(rgb.subarray(20, 20 + exif.length)).equals(Buffer.from(exif))).toBe(true)
  })

  it('gives nothing for a JPEG that cannot be decoded, or one above MAX_DECODED_PIXELS', () => {
    expect(cmykToRgbJpeg(jpegWithScanCut(cmykJpeg(64, 16, inks), 6), size)).toBeNull()
    const side = Math.ceil(Math.sqrt(MAX_DECODED_PIXELS)) + 1
    expect(cmykToRgbJpeg(cmykJpeg(64, 16, inks), { width: side, height: side })).toBeNull()
  })
})
