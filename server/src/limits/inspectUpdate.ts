// A bounded structural check of a Yjs V1 update, before Yjs decodes it. Yjs trusts the counts in an
// update: a few bytes can declare millions of structs (`new Array(n)` up front) or clocks near 2^53
// that push a client's state so far ahead that its real edits are later ignored as duplicates. See the
// decoder-bomb report https://github.com/yjs/yjs/issues/687 (it shows that a size limit alone cannot
// tell a bomb from a real document, so we bound every count by the bytes left to read instead).
// The walk reads each byte at most once, so its cost follows the update's size.
import * as decoding from 'lib0/decoding'

/** No honest client id ever reaches this clock (it counts every character one client typed). */
export const MAX_CLOCK = 2 ** 31
/** Nesting of `any` values (map fields) deeper than this is not something our editor writes. */
const MAX_ANY_DEPTH = 32
/** Yjs type refs: Array, Map, Text, XmlElement, XmlFragment, XmlHook, XmlText. */
const MAX_TYPE_REF = 6
const TYPE_REF_WITH_NAME: ReadonlySet<number> = new Set([3, 5])
const CONTENT_DOC = 9
const SKIP = 10

export type UpdateInspection = { readonly ok: true } | { readonly ok: false; readonly reason: string }

class BadUpdate extends Error {}

export function inspectUpdate(update: Uint8Array): UpdateInspection {
  if (update.length === 0) return { ok: false, reason: 'empty update' }
  const d = decoding.createDecoder(update)
  try {
    readStructs(d)
    readDeleteSet(d)
    if (decoding.hasContent(d)) throw new BadUpdate('trailing bytes after the delete set')
    return { ok: true }
  } catch (error) {
    // lib0 throws plain Errors on truncated input or an over-long varint: all mean "not a V1 update".
    return { ok: false, reason: error instanceof Error ? error.message : 'unreadable update' }
  }
}

const remaining = (d: decoding.Decoder): number => d.arr.length - d.pos

function count(d: decoding.Decoder, minBytesEach: number, what: string): number {
  const n = decoding.readVarUint(d)
  if (n * minBytesEach > remaining(d)) throw new BadUpdate(`${what}: ${n} declared, too few bytes left`)
  return n
}

function clockOf(d: decoding.Decoder): number {
  const clock = decoding.readVarUint(d)
  if (clock > MAX_CLOCK) throw new BadUpdate(`clock ${clock} out of range`)
  return clock
}

function advance(clock: number, length: number): number {
  if (length > MAX_CLOCK || clock + length > MAX_CLOCK) throw new BadUpdate(`struct reaches past clock ${MAX_CLOCK}`)
  return clock + length
}

function readStructs(d: decoding.Decoder): void {
  const clients = count(d, 3, 'clients')
  for (let c = 0; c < clients; c++) {
    const structs = count(d, 2, 'structs')
    decoding.readVarUint(d)
    let clock = clockOf(d)
    for (let i = 0; i < structs; i++) clock = advance(clock, readStruct(d))
  }
}

/** Reads one struct and returns its length in clock units. */
function readStruct(d: decoding.Decoder): number {
  const info = decoding.readUint8(d)
  const kind = info & 0b11111
  if (kind === 0 || kind === SKIP) return decoding.readVarUint(d)
  if ((info & 0b10000000) !== 0) readId(d)
  if ((info & 0b01000000) !== 0) readId(d)
  const copiesParentInfo = (info & 0b11000000) !== 0
  if (!copiesParentInfo) {
    if (decoding.readVarUint(d) === 1) skipBytes(d)
    else readId(d)
    if ((info & 0b00100000) !== 0) skipBytes(d)
  }
  return readContent(d, kind)
}

/** Skips a length-prefixed byte array or string, refusing a length longer than what is left. */
function skipBytes(d: decoding.Decoder): void {
  const n = decoding.readVarUint(d)
  if (n > remaining(d)) throw new BadUpdate(`${n} bytes declared, ${remaining(d)} left`)
  d.pos += n
}

function skipFixed(d: decoding.Decoder, n: number): void {
  if (n > remaining(d)) throw new BadUpdate('truncated number')
  d.pos += n
}

function readText(d: decoding.Decoder): string {
  const start = d.pos
  skipBytes(d)
  d.pos = start
  return decoding.readVarString(d)
}

function readId(d: decoding.Decoder): void {
  decoding.readVarUint(d)
  clockOf(d)
}

function readContent(d: decoding.Decoder, kind: number): number {
  switch (kind) {
    case 1:
      return decoding.readVarUint(d)
    case 2: {
      const n = count(d, 1, 'json values')
      for (let i = 0; i < n; i++) skipBytes(d)
      return n
    }
    case 3:
      skipBytes(d)
      return 1
    case 4: {
      const text = readText(d)
      return text.length
    }
    case 5:
      skipBytes(d)
      return 1
    case 6:
      skipBytes(d)
      skipBytes(d)
      return 1
    case 7: {
      const ref = decoding.readVarUint(d)
      if (ref > MAX_TYPE_REF) throw new BadUpdate(`unknown type ref ${ref}`)
      if (TYPE_REF_WITH_NAME.has(ref)) skipBytes(d)
      return 1
    }
    case 8: {
      const n = count(d, 1, 'any values')
      for (let i = 0; i < n; i++) readAny(d, 0)
      return n
    }
    case CONTENT_DOC:
      throw new BadUpdate('subdocuments are not part of our documents')
    default:
      throw new BadUpdate(`unknown content kind ${kind}`)
  }
}

function readAny(d: decoding.Decoder, depth: number): void {
  if (depth > MAX_ANY_DEPTH) throw new BadUpdate('value nested too deep')
  const tag = decoding.readUint8(d)
  switch (tag) {
    case 127:
    case 126:
    case 121:
    case 120:
      return
    case 125:
      decoding.readVarInt(d)
      return
    case 124:
      skipFixed(d, 4)
      return
    case 123:
    case 122:
      skipFixed(d, 8)
      return
    case 119:
      skipBytes(d)
      return
    case 118: {
      const n = count(d, 2, 'object entries')
      for (let i = 0; i < n; i++) {
        skipBytes(d)
        readAny(d, depth + 1)
      }
      return
    }
    case 117: {
      const n = count(d, 1, 'array entries')
      for (let i = 0; i < n; i++) readAny(d, depth + 1)
      return
    }
    case 116:
      skipBytes(d)
      return
    default:
      throw new BadUpdate(`unknown value tag ${tag}`)
  }
}

function readDeleteSet(d: decoding.Decoder): void {
  const clients = count(d, 2, 'delete set clients')
  for (let c = 0; c < clients; c++) {
    decoding.readVarUint(d)
    const ranges = count(d, 2, 'delete ranges')
    for (let i = 0; i < ranges; i++) advance(clockOf(d), decoding.readVarUint(d))
  }
}
