import { deflateSync } from 'node:zlib'
import { MAX_IMAGE_PIXELS } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { inspectImage, MAX_IMAGE_SIDE } from './imageBytes.ts'
import {
  cmykJpeg,
  corruptPng,
  flatJpeg,
  JPEG_32x16,
  jpegWithOrientation,
  pngImage,
  pngWithData,
} from './testing/testImages.ts'

/** Raw RGB rows of a `width`×`height` image, each starting with `filter`. */
function rows(width: number, height: number, filter: number): Uint8Array {
  const rowBytes = 1 + width * 3
  const raw = new Uint8Array(rowBytes * height)
  for (let y = 0; y < height; y++) raw[y * rowBytes] = filter
  return raw
}

describe('inspectImage', () => {
  it('reads the size of a PNG and checks its pixels; a transparent one is decoded by the PDF', () => {
    expect(inspectImage(pngImage(40, 20))).toEqual({
      format: 'png',
      mediaType: 'image/png',
      width: 40,
      height: 20,
      orientation: 1,
      pixelsChecked: true,
      decodedByPdf: false,
      cmyk: false,
    })
    expect(inspectImage(pngImage(3, 5, { alpha: true }))).toMatchObject({ width: 3, height: 5, decodedByPdf: true })
  })

  it('reads the size of a JPEG from its frame header', () => {
    expect(inspectImage(JPEG_32x16)).toEqual({
      format: 'jpg',
      mediaType: 'image/jpeg',
      width: 32,
      height: 16,
      orientation: 1,
      pixelsChecked: false,
      decodedByPdf: false,
      cmyk: false,
    })
  })

  it("reads a JPEG's EXIF orientation from its first EXIF block, the stored size unchanged", () => {
    expect(inspectImage(jpegWithOrientation(JPEG_32x16, 6))).toMatchObject({ width: 32, height: 16, orientation: 6 })
    expect(inspectImage(jpegWithOrientation(jpegWithOrientation(JPEG_32x16, 3), 8))).toMatchObject({ orientation: 8 })
    // A value no viewer knows is read as 1, and does not make the image unreadable.
    expect(inspectImage(jpegWithOrientation(JPEG_32x16, 9))).toMatchObject({ orientation: 1 })
  })

  it('knows a JPEG of four components (CMYK or YCCK), which the PDF turns into RGB', () => {
    const cyan = () => [255, 0, 0, 0] as const
    expect(inspectImage(cmykJpeg(48, 16, cyan))).toMatchObject({ format: 'jpg', width: 48, height: 16, cmyk: true })
    expect(inspectImage(cmykJpeg(48, 16, cyan, { ycck: true }))).toMatchObject({ cmyk: true })
    expect(inspectImage(flatJpeg(8, 8, 1, () => [128]))).toMatchObject({ width: 8, height: 8, cmyk: false })
  })

  it('refuses a PNG whose header is fine but whose pixel data is not', () => {
    expect(inspectImage(corruptPng(40, 20))).toBeNull()
    expect(inspectImage(corruptPng(40, 20, { alpha: true }))).toBeNull()
    // Too few rows, or a row with an unknown filter type: what makes pdfkit's PNG reader throw.
    expect(inspectImage(pngWithData(4, 4, false, deflateSync(rows(4, 3, 0))))).toBeNull()
    expect(inspectImage(pngWithData(4, 4, false, deflateSync(rows(4, 4, 7))))).toBeNull()
    expect(inspectImage(pngWithData(4, 4, false, deflateSync(rows(4, 4, 4))))).not.toBeNull()
    // Far more data than the rows hold: a damaged or hostile stream, not inflated to the end.
    expect(inspectImage(pngWithData(4, 4, false, deflateSync(new Uint8Array(1024 * 1024))))).toBeNull()
  })

  it('refuses a cut-off PNG, a changed byte (CRC) and an impossible header', () => {
    const png = pngImage(40, 20)
    expect(inspectImage(png.subarray(0, png.length - 20))).toBeNull()
    const changed = png.slice()
    changed[40] = (changed[40] ?? 0) ^ 0xff
    expect(inspectImage(changed)).toBeNull()
    const zeroWidth = pngImage(40, 20).slice()
    zeroWidth.set([0, 0, 0, 0], 16)
    expect(inspectImage(zeroWidth)).toBeNull()
  })

  it('refuses a JPEG cut off before its scan, or with 12-bit samples', () => {
    const sos = JPEG_32x16.findIndex((byte, i) => byte === 0xff && JPEG_32x16[i + 1] === 0xda)
    expect(inspectImage(JPEG_32x16.subarray(0, sos))).toBeNull()
    const sof = JPEG_32x16.findIndex((byte, i) => byte === 0xff && JPEG_32x16[i + 1] === 0xc0)
    const twelveBit = JPEG_32x16.slice()
    twelveBit[sof + 4] = 12
    expect(inspectImage(twelveBit)).toBeNull()
  })

  it('takes the largest side from the upload limit', () => {
    expect(MAX_IMAGE_SIDE).toBe(MAX_IMAGE_PIXELS)
  })

  it('refuses what is no PNG or JPEG at all', () => {
    for (const bytes of [
      new Uint8Array(),
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      new TextEncoder().encode('GIF89a'),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    ]) {
      expect(inspectImage(bytes)).toBeNull()
    }
  })
})
