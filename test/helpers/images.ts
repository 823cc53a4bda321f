// Real image files for tests: the export module's own (PNGs of any size, small JPEGs, a CMYK JPEG), as
// Buffers, a PNG of noise of about a given size, and ways to break one as an upload cut off in transfer
// leaves it, or as a copy that lost part of its data in the middle.
import { randomBytes } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import {
  cornersJpeg,
  corruptPng,
  cmykJpeg as exportCmykJpeg,
  pngImage as exportPng,
  JPEG_32x16,
  jpegWithOrientation,
  jpegWithScanCut,
  PROGRESSIVE_JPEG_40x24,
  PROGRESSIVE_RESTART_JPEG_40x24,
  photoJpeg,
  pngWithData,
} from '../../server/src/export/testing/testImages.ts'

/** A valid RGB PNG of `width` × `height` pixels (its bytes differ with the size). */
export const pngImage = (width: number, height: number): Buffer => Buffer.from(exportPng(width, height))

/** A phone photo: a 40 × 20 JPEG stored on its side, EXIF orientation 6 (shown 20 × 40, turned right). */
export const sidewaysPhoto = (): Buffer => Buffer.from(jpegWithOrientation(cornersJpeg(40, 20), 6))

/** A 32 × 16 baseline JPEG. */
export const jpegImage = (): Buffer => Buffer.from(JPEG_32x16)

/** A 40 × 24 progressive JPEG; and one with restart markers, which jpeg-js misreads (testImages.ts). */
export const progressiveJpeg = (): Buffer => Buffer.from(PROGRESSIVE_JPEG_40x24)
export const progressiveRestartJpeg = (): Buffer => Buffer.from(PROGRESSIVE_RESTART_JPEG_40x24)

/** A 256 × 160 baseline JPEG as jpeg-js encodes it (about 25 kB). */
export const largerJpeg = (): Buffer => Buffer.from(photoJpeg(256, 160))

/** That JPEG with a kilobyte of its compressed data lost in the middle: its header and end are whole. */
export const damagedJpeg = (): Buffer => Buffer.from(jpegWithScanCut(photoJpeg(256, 160), 1000))

/** A 48 × 16 CMYK JPEG as Photoshop writes it (Adobe marker, inverted samples): cyan. */
export const cmykJpeg = (): Buffer => Buffer.from(exportCmykJpeg(48, 16, () => [255, 0, 0, 0]))

/** A PNG with a whole header and end, but garbage where the pixels should be. */
export const damagedPng = (): Buffer => Buffer.from(corruptPng(48, 32))

/** The first half of a file. */
export const truncated = (image: Buffer): Buffer => image.subarray(0, Math.floor(image.length / 2))

/** A valid RGB PNG of noise, about `bytes` long (noise does not compress). */
export function noisyPng(bytes: number): Buffer {
  const side = Math.max(1, Math.floor(Math.sqrt(bytes / 3)))
  const rowBytes = 1 + side * 3
  const raw = randomBytes(rowBytes * side)
  for (let y = 0; y < side; y++) raw[y * rowBytes] = 0 // filter type 0 (none) at the start of each row
  return Buffer.from(pngWithData(side, side, false, deflateSync(raw, { level: 0 })))
}
