// Hand-made hostile frames: everything the hostile-input suite sends. Each builder returns the whole
// WebSocket message; the comment says what a naive server would do with it.
import { MessageType, SyncStep } from '@novex/shared'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { syncUpdate } from '../helpers/frames.ts'
import { seededRandom } from '../helpers/seededRandom.ts'

const bytes = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

/** Struct header of one client: n structs of `client`, starting at `clock`. */
const structsOf = (e: encoding.Encoder, n: number, client: number, clock: number): void => {
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, n)
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, clock)
}

/** A sound V1 update that types `text` into a fresh root (only used for truncation and V2 variants). */
export function sampleUpdate(text: string): { v1: Uint8Array; v2: Uint8Array } {
  const doc = new Y.Doc()
  doc.getText('x').insert(0, text)
  return { v1: Y.encodeStateAsUpdate(doc), v2: Y.encodeStateAsUpdateV2(doc) }
}

export const HOSTILE_FRAMES: readonly { readonly name: string; readonly frame: Uint8Array }[] = [
  { name: 'unknown message type 77', frame: new Uint8Array([77, 1, 2, 3]) },
  { name: 'auth message from a client', frame: new Uint8Array([MessageType.auth, 0]) },
  { name: 'server-only type (persisted)', frame: new Uint8Array([MessageType.persisted, 1, 0]) },
  { name: 'invalid varint (11 continuation bytes)', frame: new Uint8Array(11).fill(0xff) },
  { name: 'unknown sync step', frame: new Uint8Array([MessageType.sync, 9, 0]) },
  { name: 'payload length beyond the frame', frame: new Uint8Array([MessageType.sync, SyncStep.update, 100, 1]) },
  { name: 'trailing bytes after a barrier', frame: new Uint8Array([MessageType.barrier, 1, 0, 0]) },
  { name: 'empty update (zero bytes)', frame: syncUpdate(new Uint8Array()) },
  { name: 'V2 update bytes', frame: syncUpdate(sampleUpdate('versie twee').v2) },
  {
    // yjs#687: a few bytes declare ten million structs; Yjs allocates the array before reading any.
    name: 'decoder bomb: 10M structs in 5 bytes (yjs#687)',
    frame: syncUpdate(bytes((e) => structsOf(e, 10_000_000, 7, 0))),
  },
  {
    name: 'decoder bomb: 2^31 delete ranges',
    frame: syncUpdate(
      bytes((e) => {
        encoding.writeVarUint(e, 0)
        encoding.writeVarUint(e, 1)
        encoding.writeVarUint(e, 7)
        encoding.writeVarUint(e, 2 ** 31)
      }),
    ),
  },
  {
    name: 'decoder bomb: 2^30 any values',
    frame: syncUpdate(
      bytes((e) => {
        structsOf(e, 1, 7, 0)
        encoding.writeUint8(e, 8)
        encoding.writeVarUint(e, 1)
        encoding.writeVarString(e, 'sections')
        encoding.writeVarUint(e, 2 ** 30)
      }),
    ),
  },
  {
    // A GC struct that moves a client's clock to 2^52: its real edits would be dropped as "known".
    name: 'absurd clock: GC of length 2^52',
    frame: syncUpdate(
      bytes((e) => {
        structsOf(e, 1, 7, 0)
        encoding.writeUint8(e, 0)
        encoding.writeVarUint(e, 2 ** 52)
        encoding.writeVarUint(e, 0)
      }),
    ),
  },
  {
    name: 'absurd clock: struct starting at 2^40',
    frame: syncUpdate(
      bytes((e) => {
        structsOf(e, 1, 7, 2 ** 40)
        encoding.writeUint8(e, 4)
        encoding.writeVarUint(e, 1)
        encoding.writeVarString(e, 'sections')
        encoding.writeVarString(e, 'x')
        encoding.writeVarUint(e, 0)
      }),
    ),
  },
  {
    name: 'state vector bomb in sync step 1',
    frame: bytes((e) => {
      encoding.writeVarUint(e, MessageType.sync)
      encoding.writeVarUint(e, SyncStep.step1)
      encoding.writeVarUint8Array(
        e,
        bytes((inner) => encoding.writeVarUint(inner, 2 ** 31)),
      )
    }),
  },
  {
    name: 'presence that is not JSON',
    frame: bytes((e) => {
      encoding.writeVarUint(e, MessageType.awareness)
      encoding.writeVarUint8Array(
        e,
        bytes((inner) => {
          encoding.writeVarUint(inner, 1)
          encoding.writeVarUint(inner, 12345)
          encoding.writeVarUint(inner, 1)
          encoding.writeVarString(inner, '{niet: json')
        }),
      )
    }),
  },
  { name: 'subdocument content', frame: syncUpdate(subdocumentUpdate()) },
]

function subdocumentUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('sections').set('sub', new Y.Doc())
  return Y.encodeStateAsUpdate(doc)
}

/** Truncations of a sound update frame at every position: each is missing bytes somewhere. */
export function truncations(): Uint8Array[] {
  const frame = syncUpdate(sampleUpdate('afgekapt bericht').v1)
  const cuts: Uint8Array[] = []
  for (let cut = 1; cut < frame.length; cut++) cuts.push(frame.slice(0, cut))
  return cuts
}

/** Random frames: pure noise, and sound frames with bytes flipped (the fuzzer's favourite). */
export function randomFrames(count: number, seed: number): Uint8Array[] {
  const random = seededRandom(seed)
  const base = syncUpdate(sampleUpdate('willekeurige ruis').v1)
  const frames: Uint8Array[] = []
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      const noise = new Uint8Array(1 + Math.floor(random() * 64))
      for (let j = 0; j < noise.length; j++) noise[j] = Math.floor(random() * 256)
      frames.push(noise)
    } else {
      const flipped = base.slice()
      const flips = 1 + Math.floor(random() * 4)
      for (let f = 0; f < flips; f++) flipped[Math.floor(random() * flipped.length)] = Math.floor(random() * 256)
      frames.push(flipped)
    }
  }
  return frames
}
