// Real images for the tests, built here rather than kept as files: PNGs of any size (chunks, CRC-32 and
// zlib data as the PNG spec has them), damaged PNGs whose header is fine, small JPEGs (baseline, and two
// progressive ones made with libjpeg-turbo), JPEGs of flat blocks written byte by byte (CMYK, YCCK), a
// larger JPEG from jpeg-js's encoder and the same with part of its compressed data lost.
import { crc32, deflateSync } from 'node:zlib'
import type { CanonicalNode } from '@novex/shared'
import { encode } from 'jpeg-js'
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

/**
 * A 40×24 progressive JPEG (a green-to-blue gradient), 579 bytes: libjpeg-turbo 2.1.5,
 * `convert -size 40x24 gradient:'#2a8040-#203080' -depth 8 g.ppm && cjpeg -progressive -quality 75 g.ppm`.
 */
export const PROGRESSIVE_JPEG_40x24 = Uint8Array.from(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wgARCAAYACgDASIAAhEBAxEB/8QAFwABAQEBAAAAAAAAAAAAAAAAAAQDBf/EABcBAQEBAQAAAAAAAAAAAAAAAAAEAQP/2gAMAwEAAhADEAAAAeWnbDQnFCcYC/sAB//EABUQAQEAAAAAAAAAAAAAAAAAAAAR/9oACAEBAAEFAqqqqqqqqqqv/8QAFhEBAQEAAAAAAAAAAAAAAAAAEgAg/9oACAEDAQE/ATGOP//EABcRAQADAAAAAAAAAAAAAAAAAAABEhP/2gAIAQIBAT8ByZMlYVhWH//EABQQAQAAAAAAAAAAAAAAAAAAADD/2gAIAQEABj8Cf//EABQQAQAAAAAAAAAAAAAAAAAAADD/2gAIAQEAAT8hf/8A/wD/2gAMAwEAAgADAAAAEDTTQww//8QAFxEAAwEAAAAAAAAAAAAAAAAAAAEREP/aAAgBAwEBPxDRERER/8QAFBEBAAAAAAAAAAAAAAAAAAAAIP/aAAgBAgEBPxBcD//EABYQAQEBAAAAAAAAAAAAAAAAAHEAIP/aAAgBAQABPxBSlKUpSlLQP//Z',
    'base64',
  ),
)

/**
 * The same image, progressive with a restart marker every two rows of blocks (`cjpeg -progressive
 * -restart 2`), 626 bytes. Valid (libjpeg-turbo and browsers decode it), but jpeg-js 0.4.4 misreads it:
 * in a scan of one component it decodes a whole restart interval past the image's last block, and
 * throws "invalid huffman sequence".
 */
export const PROGRESSIVE_RESTART_JPEG_40x24 = Uint8Array.from(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wgARCAAYACgDASIAAhEBAxEB/8QAFwABAQEBAAAAAAAAAAAAAAAAAAQDBf/EABcBAQEBAQAAAAAAAAAAAAAAAAAEAQP/3QAEAAb/2gAMAwEAAhADEAAAAeWnbDQnFCcYC/sAB//EABUQAQEAAAAAAAAAAAAAAAAAAAAR/90ABAAK/9oACAEBAAEFAqqqqqqq/9Cqqq//xAAWEQEBAQAAAAAAAAAAAAAAAAASACD/3QAEAAb/2gAIAQMBAT8BMY4//8QAFxEBAAMAAAAAAAAAAAAAAAAAAAESE//aAAgBAgEBPwHJkyVhWFYf/8QAFRABAQAAAAAAAAAAAAAAAAAAIDD/3QAEAAr/2gAIAQEABj8Cl//QP//EABUQAQEAAAAAAAAAAAAAAAAAACAw/9oACAEBAAE/IZf/AP/QP//dAAQABv/aAAwDAQACAAMAAAAQNNNDDD//xAAXEQADAQAAAAAAAAAAAAAAAAAAAREQ/9oACAEDAQE/ENERERH/xAAUEQEAAAAAAAAAAAAAAAAAAAAg/9oACAECAQE/EFwP/8QAFhABAQEAAAAAAAAAAAAAAAAAAHEg/90ABAAK/9oACAEBAAE/EKUpSlKUpT//0Mg//9k=',
    'base64',
  ),
)

/**
 * A baseline JPEG as jpeg-js encodes it (4:4:4, the standard Huffman tables): a gradient with a fine
 * texture, so that its compressed data is several kilobytes, like a photograph's.
 */
export function photoJpeg(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4
      const texture = ((x * 7919 + y * 104729) % 61) - 30
      rgba[at] = Math.min(255, Math.max(0, Math.round((255 * x) / width) + texture))
      rgba[at + 1] = Math.min(255, Math.max(0, 128 + texture))
      rgba[at + 2] = Math.min(255, Math.max(0, Math.round((255 * y) / height) - texture))
      rgba[at + 3] = 255
    }
  }
  return new Uint8Array(encode({ width, height, data: rgba }, 85).data)
}

/**
 * The JPEG with `lost` bytes of its compressed scan gone from the middle, its headers and end marker
 * whole: a copy that lost part of its data, which a header check (and image-size) takes for whole.
 */
export function jpegWithScanCut(jpeg: Uint8Array, lost: number): Uint8Array {
  const sos = jpeg.findIndex((byte, i) => byte === 0xff && jpeg[i + 1] === 0xda)
  const scanStart = sos + 2 + ((jpeg[sos + 2] ?? 0) << 8) + (jpeg[sos + 3] ?? 0)
  const middle = Math.floor((scanStart + jpeg.length - 2) / 2)
  if (sos < 0 || middle + lost > jpeg.length - 2) throw new Error('scan too short to cut')
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, middle), jpeg.subarray(middle + lost)]))
}

/**
 * The JPEG with an EXIF block (APP1) right after its start that says only its orientation (1–8; 6: the
 * camera was turned a quarter clockwise), as a phone writes it.
 */
export function jpegWithOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  // "Exif\0\0", a big-endian TIFF header, one IFD of one entry: tag 0x0112, type SHORT, count 1.
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]
  const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), Uint8Array.from(app1), jpeg.subarray(2)]))
}

/** The colours of cornersJpeg: its first block red, its last block of the first row green, grey elsewhere. */
export const CORNER_COLOURS = { topLeft: [230, 30, 30], topRight: [30, 200, 30], rest: [128, 128, 128] } as const

/**
 * A baseline JPEG (jpeg-js, 4:4:4) of grey with a red 8×8 block at its stored top left and a green one
 * at its stored top right: where a viewer shows those two corners tells how it turned the picture.
 */
export function cornersJpeg(width: number, height: number): Uint8Array {
  const colourAt = (x: number, y: number) => {
    if (y >= 8) return CORNER_COLOURS.rest
    if (x < 8) return CORNER_COLOURS.topLeft
    return x >= width - 8 ? CORNER_COLOURS.topRight : CORNER_COLOURS.rest
  }
  const rgba = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rgba.set([...colourAt(x, y), 255], (y * width + x) * 4)
  }
  return new Uint8Array(encode({ width, height, data: rgba }, 95).data)
}

/**
 * The JPEG with an ICC profile segment (APP2 "ICC_PROFILE", one chunk) right after its start: a
 * profile of only a 128-byte header that names its colour space ('RGB ', 'GRAY'), enough for a reader
 * that looks at the header, not a profile a colour manager could use.
 */
export function jpegWithIccProfile(jpeg: Uint8Array, colourSpace: 'RGB ' | 'GRAY'): Uint8Array {
  const profile = new Uint8Array(128)
  new DataView(profile.buffer).setUint32(0, profile.length)
  profile.set(ascii(colourSpace), 16)
  profile.set(ascii('acsp'), 36)
  const body = [...ascii('ICC_PROFILE'), 0, 1, 1, ...profile]
  const app2 = [0xff, 0xe2, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), Uint8Array.from(app2), jpeg.subarray(2)]))
}

/** The dossier's entry for an image's bytes. */
export function dossierImage(data: Uint8Array, width: number, height: number): DossierImage {
  const mediaType = data[0] === 0xff ? 'image/jpeg' : 'image/png'
  return { mediaType, data, width, height }
}

/** An image node as the editor stores it; `caption` only when one is given, as an older image has none. */
export function imageNode(
  src: string | null,
  alt: string | null,
  more: { width?: number | null; height?: number | null; caption?: string | null } = {},
): CanonicalNode {
  const attrs = { src, alt, title: null, width: more.width ?? null, height: more.height ?? null }
  return { type: 'image', attrs: more.caption === undefined ? attrs : { ...attrs, caption: more.caption } }
}

/** An 8-bit sample per component (0–255) for each 8×8 block: the whole block has that value. */
export type BlockSamples = (blockX: number, blockY: number) => readonly number[]

/**
 * A baseline JPEG of flat 8×8 blocks, written segment by segment (ITU T.81): each block holds one value
 * per component, so it needs only its DC coefficient. Quantisation 1 everywhere, a DC Huffman table of
 * twelve 4-bit codes (code = size category) and an AC table of one code, end-of-block. Made here rather
 * than kept as a file so that a test can say what every pixel is: a CMYK or YCCK JPEG (with or without
 * Adobe's APP14 marker), which no JavaScript encoder writes.
 */
export function flatJpeg(
  width: number,
  height: number,
  components: 1 | 3 | 4,
  samples: BlockSamples,
  options: { adobeTransform?: 0 | 1 | 2 | null } = {},
): Uint8Array {
  const segment = (marker: number, body: readonly number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ]
  const ids = Array.from({ length: components }, (_, i) => i + 1)
  const adobe = options.adobeTransform ?? null
  const bytes = [
    0xff,
    0xd8,
    // APP14 "Adobe": version 100, no flags, the colour transform (0 none, 1 YCbCr, 2 YCCK).
    ...(adobe === null ? [] : segment(0xee, [...ascii('Adobe'), 0, 100, 0, 0, 0, 0, adobe])),
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [
      8,
      height >> 8,
      height & 0xff,
      width >> 8,
      width & 0xff,
      components,
      ...ids.flatMap((id) => [id, 0x11, 0]),
    ]),
    ...segment(0xc4, [0x00, 0, 0, 0, 12, ...new Array<number>(12).fill(0), ...Array.from({ length: 12 }, (_, i) => i)]),
    ...segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]),
    ...segment(0xda, [components, ...ids.flatMap((id) => [id, 0x00]), 0, 63, 0]),
    ...flatScan(Math.ceil(width / 8), Math.ceil(height / 8), components, samples),
    0xff,
    0xd9,
  ]
  return Uint8Array.from(bytes)
}

function ascii(value: string): number[] {
  return [...value].map((char) => char.charCodeAt(0))
}

/** The entropy-coded data of flatJpeg: per block and component its DC difference, then end-of-block. */
function flatScan(blocksWide: number, blocksHigh: number, components: number, samples: BlockSamples): number[] {
  const out: number[] = []
  let bits = 0
  let count = 0
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) {
      bits = (bits << 1) | ((value >> i) & 1)
      if (++count === 8) {
        out.push(bits)
        // A 0xFF byte in the data is followed by a stuffed zero, so that it reads as no marker.
        if (bits === 0xff) out.push(0)
        bits = 0
        count = 0
      }
    }
  }
  const previous = new Array<number>(components).fill(0)
  for (let y = 0; y < blocksHigh; y++) {
    for (let x = 0; x < blocksWide; x++) {
      const values = samples(x, y)
      for (let c = 0; c < components; c++) {
        // A flat block's pixels are DC / 8 + 128 (the inverse DCT's level shift), with quantisation 1.
        const dc = Math.round(((values[c] ?? 0) - 128) * 8)
        const diff = dc - (previous[c] ?? 0)
        previous[c] = dc
        const size = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1
        put(size, 4)
        put(diff >= 0 ? diff : diff + (1 << size) - 1, size)
        put(0, 1) // end of block: every AC coefficient is zero
      }
    }
  }
  if (count > 0) put(0x7f, 8 - count) // padded with one bits
  return out
}

/** Ink amounts (0–255) of cyan, magenta, yellow and black. */
export type Inks = readonly [number, number, number, number]

/**
 * A CMYK JPEG as Photoshop writes it: the APP14 "Adobe" marker and inverted samples (255 = no ink), or
 * YCCK (its first three inverted samples as YCbCr) with `ycck`; without the marker with `adobe: false`.
 * Each 8×8 block has the inks `inks` gives it.
 */
export function cmykJpeg(
  width: number,
  height: number,
  inks: (blockX: number, blockY: number) => Inks,
  options: { ycck?: boolean; adobe?: boolean } = {},
): Uint8Array {
  const ycck = options.ycck ?? false
  const stored: BlockSamples = (x, y) => {
    const ink = inks(x, y)
    // Inverted, as Adobe stores them.
    const [c, m, ye, k] = [255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]]
    if (!ycck) return [c, m, ye, k]
    // YCCK: the inverted C, M and Y as if they were R, G and B (255 - inverted = the ink), to YCbCr.
    const [r, g, b] = [255 - c, 255 - m, 255 - ye]
    return [
      0.299 * r + 0.587 * g + 0.114 * b,
      128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
      128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
      k,
    ].map((v) => Math.min(255, Math.max(0, v)))
  }
  return flatJpeg(width, height, 4, stored, { adobeTransform: options.adobe === false ? null : ycck ? 2 : 0 })
}
