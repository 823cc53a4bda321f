import { decode } from 'jpeg-js'
import { describe, expect, it } from 'vitest'
import { decodeJpeg, jpegDamaged, MAX_DECODED_PIXELS } from './jpegDecoder.ts'
import {
  cmykJpeg,
  flatJpeg,
  JPEG_32x16,
  jpegWithScanCut,
  PROGRESSIVE_JPEG_40x24,
  PROGRESSIVE_RESTART_JPEG_40x24,
  photoJpeg,
} from './testing/testImages.ts'

const cyan = () => [255, 0, 0, 0] as const
const photo = photoJpeg(256, 160)

/** The JPEG with its frame header saying another size (the data stays as it is). */
function claimingSize(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const sof = jpeg.findIndex((byte, i) => byte === 0xff && jpeg[i + 1] === 0xc0)
  const out = jpeg.slice()
  out.set([height >> 8, height & 0xff, width >> 8, width & 0xff], sof + 5)
  return out
}

describe('decodeJpeg', () => {
  it('decodes baseline and progressive JPEGs to RGBA pixels of their size', () => {
    for (const [jpeg, width, height] of [
      [JPEG_32x16, 32, 16],
      [photo, 256, 160],
      [PROGRESSIVE_JPEG_40x24, 40, 24],
    ] as const) {
      const decoded = decodeJpeg(jpeg, { width, height })
      expect(decoded).toMatchObject({ kind: 'pixels', width, height })
      expect(decoded.kind === 'pixels' && decoded.rgba.length).toBe(width * height * 4)
    }
  })

  it('decodes nothing above MAX_DECODED_PIXELS', () => {
    const side = Math.ceil(Math.sqrt(MAX_DECODED_PIXELS)) + 1
    expect(decodeJpeg(claimingSize(photo, side, side), { width: side, height: side })).toEqual({ kind: 'notDecoded' })
  })
})

describe('jpegDamaged', () => {
  it('finds every sound JPEG whole: baseline, progressive (also with restart markers), CMYK, YCCK, grey', () => {
    const sound: [string, Uint8Array, number, number][] = [
      ['baseline', JPEG_32x16, 32, 16],
      ['jpeg-js encoder', photo, 256, 160],
      ['progressive', PROGRESSIVE_JPEG_40x24, 40, 24],
      ['progressive with restart markers', PROGRESSIVE_RESTART_JPEG_40x24, 40, 24],
      ['CMYK', cmykJpeg(48, 16, cyan), 48, 16],
      ['YCCK', cmykJpeg(48, 16, cyan, { ycck: true }), 48, 16],
      [
        'CMYK without the Adobe marker (jpeg-js cannot show it, which is no damage)',
        cmykJpeg(48, 16, cyan, { adobe: false }),
        48,
        16,
      ],
      ['grey', flatJpeg(20, 10, 1, (x) => [x * 100]), 20, 10],
    ]
    for (const [name, jpeg, width, height] of sound) expect(jpegDamaged(jpeg, { width, height }), name).toBe(false)
  })

  it('does not judge the progressive JPEG with restart markers that jpeg-js 0.4.4 misreads', () => {
    // Why the exception exists; should a later jpeg-js read it, this notices and the exception can go.
    expect(() => decode(PROGRESSIVE_RESTART_JPEG_40x24, { useTArray: true })).toThrow(/invalid huffman sequence/)
    expect(decodeJpeg(PROGRESSIVE_RESTART_JPEG_40x24, { width: 40, height: 24 })).toEqual({ kind: 'notDecoded' })
  })

  it('finds a JPEG that lost part of its compressed data damaged (its header and end are whole)', () => {
    expect(jpegDamaged(jpegWithScanCut(photo, 1000), { width: 256, height: 160 })).toBe(true)
    expect(jpegDamaged(jpegWithScanCut(photo, 50), { width: 256, height: 160 })).toBe(true)
    expect(jpegDamaged(jpegWithScanCut(cmykJpeg(48, 16, cyan), 6), { width: 48, height: 16 })).toBe(true)
  })

  it('cannot see every damage: a few lost bytes, and anything in a JPEG above MAX_DECODED_PIXELS', () => {
    // jpeg-js reads on past a small loss and fills the picture: no error, so no verdict (a known limit).
    expect(jpegDamaged(jpegWithScanCut(photo, 2), { width: 256, height: 160 })).toBe(false)
    const side = Math.ceil(Math.sqrt(MAX_DECODED_PIXELS)) + 1
    const large = claimingSize(jpegWithScanCut(photo, 1000), side, side)
    expect(jpegDamaged(large, { width: side, height: side })).toBe(false)
  })
})
