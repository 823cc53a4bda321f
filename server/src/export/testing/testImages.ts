// Real images for the tests, built here rather than kept as files: PNGs of any size (chunks, CRC-32 and
// zlib data as the PNG spec has them), damaged PNGs whose header is fine, and a small JPEG.
import { crc32, deflateSync } from 'node:zlib'
import type { CanonicalNode } from '@novex/shared'
import type { DossierImage } from '../dossier.ts'

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, body.length)
  out.set(new TextEncoder().encode(type), 4)
  out.set(body, 8)
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)))
  return out
}

function header(width: number, height: number, alpha: boolean): Uint8Array {
  const body = new Uint8Array(13)
  const view = new DataView(body.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  body[8] = 8 // bits per sample
  body[9] = alpha ? 6 : 2 // RGBA or RGB
  return body
}

/** A PNG of 8-bit RGB (or RGBA) pixels around the given IDAT data, which the caller has zlib-compressed or not. */
export function pngWithData(width: number, height: number, alpha: boolean, idat: Uint8Array): Uint8Array {
  // A plain Uint8Array (not a Buffer), as the dossier and the read-back helpers hold bytes.
  return new Uint8Array(
    Buffer.concat([
      new Uint8Array(SIGNATURE),
      chunk('IHDR', header(width, height, alpha)),
      chunk('IDAT', idat),
      chunk('IEND', new Uint8Array()),
    ]),
  )
}

/** A valid PNG, 8-bit RGB (or RGBA, half transparent), a green-to-blue gradient. */
export function pngImage(width: number, height: number, options: { alpha?: boolean } = {}): Uint8Array {
  const alpha = options.alpha ?? false
  const channels = alpha ? 4 : 3
  const rowBytes = 1 + width * channels
  const raw = new Uint8Array(rowBytes * height)
  for (let y = 0; y < height; y++) {
    // Filter type 0 (none) at the start of each row.
    for (let x = 0; x < width; x++) {
      const at = y * rowBytes + 1 + x * channels
      raw[at] = 0x2a
      raw[at + 1] = Math.round((255 * x) / Math.max(width - 1, 1))
      raw[at + 2] = Math.round((255 * y) / Math.max(height - 1, 1))
      if (alpha) raw[at + 3] = 128
    }
  }
  return pngWithData(width, height, alpha, deflateSync(raw))
}

/**
 * A PNG with a sound signature, header and chunk CRCs but garbage for pixel data: what a cut-off or
 * overwritten upload looks like to a reader that only checks the header.
 */
export function corruptPng(width: number, height: number, options: { alpha?: boolean } = {}): Uint8Array {
  const garbage = new Uint8Array(200).map((_, i) => (i * 73 + 41) % 256)
  return pngWithData(width, height, options.alpha ?? false, garbage)
}

/** A 32×16 baseline JPEG (two squares, green and dark blue), 291 bytes. */
export const JPEG_32x16 = Uint8Array.from(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAQACADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFgEBAQEAAAAAAAAAAAAAAAAABQID/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AiAMByeAZU//Z',
    'base64',
  ),
)

/** The dossier's entry for an image's bytes. */
export function dossierImage(data: Uint8Array, width: number, height: number): DossierImage {
  const mediaType = data[0] === 0xff ? 'image/jpeg' : 'image/png'
  return { mediaType, data, width, height }
}

/** An image node as the editor stores it. */
export function imageNode(
  src: string | null,
  alt: string | null,
  size: { width?: number | null; height?: number | null } = {},
): CanonicalNode {
  return { type: 'image', attrs: { src, alt, title: null, width: size.width ?? null, height: size.height ?? null } }
}
