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
import { type DecodedJpeg, decodeJpeg } from './jpegDecoder.ts'
import { headerSegments, insertAt, isSegment, withSegmentsAfterFirst } from './jpegSegments.ts'

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
  const decoded = decodeAsRgba(bytes, { ...size, cmyk: true })
  if (decoded.kind !== 'pixels') return null
  const rgb = encodeRgbJpeg(decoded)
  const exif = headerSegments(bytes).find((s) => isSegment(bytes, s, 0xe1, 'Exif\0'))
  return withSegmentsAfterFirst(rgb, exif ? [bytes.subarray(exif.start, exif.end)] : [])
}

/** RGBA pixels as a baseline RGB JPEG (4:4:4, at QUALITY), with the encoder's JFIF segment first. */
export function encodeRgbJpeg(pixels: { width: number; height: number; rgba: Uint8Array }): Uint8Array {
  return new Uint8Array(encode({ width: pixels.width, height: pixels.height, data: pixels.rgba }, QUALITY).data)
}

/**
 * The pixels of a JPEG as RGBA (jpegDecoder.ts), a four-component one with the colours described above:
 * also for uprightJpeg.ts, which turns a photo's pixels upright.
 */
export function decodeAsRgba(bytes: Uint8Array, facts: { width: number; height: number; cmyk: boolean }): DecodedJpeg {
  // jpeg-js refuses four components without Adobe's marker: it is given one that says plain CMYK. Only
  // then: to jpeg-js the marker's colour transform 0 also means "no YCbCr" for three components.
  const adobe = headerSegments(bytes).some((s) => isSegment(bytes, s, 0xee, 'Adobe'))
  return decodeJpeg(facts.cmyk && !adobe ? insertAt(bytes, 2, ADOBE_CMYK) : bytes, facts)
}
