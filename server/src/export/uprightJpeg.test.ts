import { decode } from 'jpeg-js'
import { describe, expect, it } from 'vitest'
import type { EmbeddableImage } from './embeddedImages.ts'
import { inspectImage } from './imageBytes.ts'
import { jpegDamaged } from './jpegDecoder.ts'
import {
  cmykJpeg,
  cornersJpeg,
  type Inks,
  jpegWithIccProfile,
  jpegWithOrientation,
  jpegWithScanCut,
  photoJpeg,
  pngImage,
} from './testing/testImages.ts'
import { uprightJpeg } from './uprightJpeg.ts'

function embeddable(data: Uint8Array): EmbeddableImage {
  const facts = inspectImage(data)
  if (!facts) throw new Error('not an image')
  return { ...facts, data }
}

const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text)

describe('uprightJpeg', () => {
  it('leaves a PNG and a JPEG that no viewer turns as they are', () => {
    for (const data of [pngImage(4, 2), cornersJpeg(40, 20), jpegWithOrientation(cornersJpeg(40, 20), 1)]) {
      const image = embeddable(data)
      expect(uprightJpeg(image)).toBe(image)
    }
  })

  it("keeps an RGB colour profile (a phone's Display P3), after the JFIF segment; drops another kind", () => {
    const p3 = uprightJpeg(embeddable(jpegWithOrientation(jpegWithIccProfile(cornersJpeg(40, 20), 'RGB '), 6)))
    expect([p3.data[2], p3.data[3]]).toEqual([0xff, 0xe0])
    const afterJfif = 2 + 2 + ((p3.data[4] ?? 0) << 8) + (p3.data[5] ?? 0)
    expect([p3.data[afterJfif], p3.data[afterJfif + 1]]).toEqual([0xff, 0xe2])
    expect(has(p3.data, 'ICC_PROFILE')).toBe(true)
    expect(has(p3.data, 'Exif')).toBe(false)
    const grey = uprightJpeg(embeddable(jpegWithOrientation(jpegWithIccProfile(cornersJpeg(40, 20), 'GRAY'), 6)))
    expect(has(grey.data, 'ICC_PROFILE')).toBe(false)
  })

  it('turns a CMYK photo into an upright RGB JPEG, as the PDF shows its colours', () => {
    const cyanLeft = (blockX: number): Inks => (blockX === 0 ? [255, 0, 0, 0] : [0, 0, 0, 0])
    const upright = uprightJpeg(embeddable(jpegWithOrientation(cmykJpeg(48, 16, cyanLeft), 8)))
    expect(upright).toMatchObject({ width: 16, height: 48, cmyk: false, orientation: 1 })
    expect(inspectImage(upright.data)).toMatchObject({ width: 16, height: 48, cmyk: false, orientation: 1 })
    // Orientation 8: stored column 0 (cyan) is shown at the bottom.
    const pixels = decode(upright.data, { useTArray: true })
    const bottom = (47 * 16 + 8) * 4
    const top = (8 * 16 + 8) * 4
    expect([...pixels.data.subarray(bottom, bottom + 3)].map((v) => Math.round(v / 32))).toEqual([0, 8, 8])
    expect([...pixels.data.subarray(top, top + 3)].map((v) => Math.round(v / 32))).toEqual([8, 8, 8])
  })

  it('embeds one whose data jpeg-js finds damaged as stored, without its EXIF block: damage shows as in any JPEG', () => {
    const cut = jpegWithScanCut(photoJpeg(64, 48), 512)
    expect(jpegDamaged(cut, { width: 64, height: 48 })).toBe(true)
    const upright = uprightJpeg(embeddable(jpegWithOrientation(cut, 6)))
    expect(upright).toMatchObject({ width: 64, height: 48, orientation: 1 })
    expect(upright.data).toEqual(cut)
  })
})
