// The upload check on the export thread (renderWorker.ts): damaged images refused, and a phone photo on
// its side kept upright, once, so that no export has to turn it again.
import { decode } from 'jpeg-js'
import { describe, expect, it } from 'vitest'
import { inspectImage } from './imageBytes.ts'
import { checkUpload } from './renderWorker.ts'
import {
  CORNER_COLOURS,
  cornersJpeg,
  jpegWithOrientation,
  jpegWithScanCut,
  photoJpeg,
  pngImage,
} from './testing/testImages.ts'

const near = (shown: readonly number[], expected: readonly number[]) =>
  expected.every((value, channel) => Math.abs((shown[channel] ?? -999) - value) < 40)

describe('the upload check', () => {
  it('turns a photo of orientation 6 upright: its shown size, the red corner top right, no EXIF left', () => {
    const check = checkUpload(jpegWithOrientation(cornersJpeg(40, 20), 6))
    expect(check.whole).toBe(true)
    const upright = check.upright ?? new Uint8Array()
    expect(inspectImage(upright)).toMatchObject({ width: 20, height: 40, orientation: 1 })
    expect(Buffer.from(upright).includes('Exif\0')).toBe(false)
    const image = decode(upright, { useTArray: true, formatAsRGBA: true })
    const at = (x: number, y: number) => [
      ...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3),
    ]
    expect(at(image.width - 3, 2)).toSatisfy((c: number[]) => near(c, CORNER_COLOURS.topLeft))
    // The same photo sent again becomes the same bytes (and so the same stored image).
    expect(
      Buffer.from(checkUpload(jpegWithOrientation(cornersJpeg(40, 20), 6)).upright ?? []).equals(Buffer.from(upright)),
    ).toBe(true)
  })

  it('keeps the bytes as sent when nothing needs turning', () => {
    expect(checkUpload(cornersJpeg(40, 20))).toEqual({ whole: true, upright: null })
    expect(checkUpload(jpegWithOrientation(cornersJpeg(40, 20), 1))).toEqual({ whole: true, upright: null })
    expect(checkUpload(pngImage(30, 20))).toEqual({ whole: true, upright: null })
  })

  it('refuses a damaged JPEG, turned or not, and what is not an image', () => {
    const damaged = jpegWithScanCut(photoJpeg(256, 160), 1000)
    expect(checkUpload(damaged).whole).toBe(false)
    expect(checkUpload(jpegWithOrientation(damaged, 6)).whole).toBe(false)
    expect(checkUpload(new TextEncoder().encode('geen afbeelding')).whole).toBe(false)
  })
})
