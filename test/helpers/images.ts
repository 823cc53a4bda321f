// Real image files for tests: the export module's own (PNGs of any size, a small JPEG), as Buffers, and a
// way to break one as an upload cut off in transfer leaves it.
import { pngImage as exportPng, JPEG_32x16 } from '../../server/src/export/testing/testImages.ts'

/** A valid RGB PNG of `width` × `height` pixels (its bytes differ with the size). */
export const pngImage = (width: number, height: number): Buffer => Buffer.from(exportPng(width, height))

/** A 32 × 16 baseline JPEG. */
export const jpegImage = (): Buffer => Buffer.from(JPEG_32x16)

/** The first half of a file. */
export const truncated = (image: Buffer): Buffer => image.subarray(0, Math.floor(image.length / 2))
