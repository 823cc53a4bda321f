// A CMYK (or YCCK) JPEG as an RGB JPEG, for the PDF only. pdfkit embeds a JPEG's bytes as they are and
// names their colour space by the number of components, so a four-component JPEG would be DeviceCMYK;
// PDF/A-2b allows a device colour space only when the output intent has the same one (ISO 19005-2,
// 6.2.4.3), and pdfkit writes an sRGB output intent. So the PDF gets the picture decoded (jpegDecoder.ts)
// and encoded again as a baseline RGB JPEG (jpeg-js's encoder, 4:4:4, at QUALITY). DOCX and ODT keep the
// original bytes: Word and LibreOffice show a CMYK JPEG themselves.
//
// The colours: CMYK as Adobe writes it (inverted samples, 255 = no ink; YCCK when its APP14 marker says
// so), turned into RGB without a colour profile: R = 255 − min(255, C·(1 − K/255) + K), and so on, the
// formula browsers use for a CMYK JPEG when they do not apply its ICC profile. A JPEG without the Adobe
// marker is read as inverted CMYK too, as browsers and ImageMagick read it (non-inverted CMYK JPEGs are
// rare). An embedded CMYK colour profile is not applied (see README, known limits).
import { encode } from 'jpeg-js'
import { decodeJpeg } from './jpegDecoder.ts'

/** Quality of the encoded JPEG (jpeg-js's scale, as libjpeg's): no visible loss for a map or a photo. */
const QUALITY = 90

/** APP14 "Adobe": version 100, no flags, colour transform 0 (plain CMYK). */
const ADOBE_CMYK = Uint8Array.from([0xff, 0xee, 0, 14, 0x41, 0x64, 0x6f, 0x62, 0x65, 0, 100, 0, 0, 0, 0, 0])

/**
 * The picture of a four-component JPEG as an RGB JPEG of the same size, with the original's EXIF block
 * (pdfkit turns a JPEG by its EXIF orientation, as browsers do). Null when it cannot be decoded (damaged
 * data, larger than MAX_DECODED_PIXELS): the PDF then shows the missing-image line.
 */
export function cmykToRgbJpeg(bytes: Uint8Array, size: { width: number; height: number }): Uint8Array | null {
  const segments = headerSegments(bytes)
  // jpeg-js refuses four components without Adobe's marker: it is given one that says plain CMYK.
  const adobe = segments.some((s) => s.marker === 0xee && startsWith(bytes.subarray(s.start + 4), 'Adobe'))
  const decoded = decodeJpeg(adobe ? bytes : insertAt(bytes, 2, ADOBE_CMYK), size)
  if (decoded.kind !== 'pixels') return null
  const rgb = new Uint8Array(encode({ width: decoded.width, height: decoded.height, data: decoded.rgba }, QUALITY).data)
  const exif = segments.find((s) => s.marker === 0xe1 && startsWith(bytes.subarray(s.start + 4), 'Exif\0'))
  if (!exif) return rgb
  // After the encoder's JFIF segment, the first after the start marker.
  const jfifEnd = headerSegments(rgb)[0]?.end ?? 2
  return insertAt(rgb, jfifEnd, bytes.subarray(exif.start, exif.end))
}

interface Segment {
  readonly marker: number
  /** The offset of its 0xFF, and the offset after its last byte. */
  readonly start: number
  readonly end: number
}

/** The segments between the start marker and the first scan (or the end of a file cut short). */
function headerSegments(bytes: Uint8Array): Segment[] {
  const segments: Segment[] = []
  let pos = 2
  while (pos + 4 <= bytes.length && bytes[pos] === 0xff) {
    const marker = bytes[pos + 1] ?? 0
    if (marker === 0xda || marker === 0xd9) break
    const end = pos + 2 + (((bytes[pos + 2] ?? 0) << 8) | (bytes[pos + 3] ?? 0))
    if (end > bytes.length) break
    segments.push({ marker, start: pos, end })
    pos = end
  }
  return segments
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  return [...text].every((char, i) => bytes[i] === char.charCodeAt(0))
}

function insertAt(bytes: Uint8Array, at: number, inserted: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + inserted.length)
  out.set(bytes.subarray(0, at))
  out.set(inserted, at)
  out.set(bytes.subarray(at), at + inserted.length)
  return out
}
