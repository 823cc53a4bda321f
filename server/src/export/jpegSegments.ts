// A JPEG's header segments (ITU T.81, B.1.1.4: a marker and a length), for the two places that write a
// JPEG again (cmykToRgbJpeg.ts, uprightJpeg.ts) and carry some of the original's segments over. Not a
// check: imageBytes.ts decides whether the bytes are a JPEG at all.

export interface Segment {
  readonly marker: number
  /** The offset of its 0xFF, and the offset after its last byte. */
  readonly start: number
  readonly end: number
}

/** The segments between the start marker and the first scan (or the end of a file cut short). */
export function headerSegments(bytes: Uint8Array): Segment[] {
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

/** Whether the segment is an application segment of this marker whose body starts with `signature`. */
export function isSegment(bytes: Uint8Array, segment: Segment, marker: number, signature: string): boolean {
  const body = segment.start + 4
  return (
    segment.marker === marker &&
    body + signature.length <= segment.end &&
    [...signature].every((char, i) => bytes[body + i] === char.charCodeAt(0))
  )
}

/** The bytes with `inserted` at offset `at`. */
export function insertAt(bytes: Uint8Array, at: number, inserted: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + inserted.length)
  out.set(bytes.subarray(0, at))
  out.set(inserted, at)
  out.set(bytes.subarray(at), at + inserted.length)
  return out
}

/** The bytes of a freshly encoded JPEG with `segments` (whole, markers included) after its first segment (JFIF). */
export function withSegmentsAfterFirst(encoded: Uint8Array, segments: readonly Uint8Array[]): Uint8Array {
  if (segments.length === 0) return encoded
  const firstEnd = headerSegments(encoded)[0]?.end ?? 2
  return insertAt(encoded, firstEnd, Buffer.concat(segments))
}
