// The two wire dialects the benchmarked servers speak. y-websocket: one y-protocols message per frame.
// Hocuspocus (v4, packages/server/src/ClientConnection.ts): every frame starts with the document name as a
// varString, the first frame of a document is Auth (type 2, sub-type 0 = token, then the token), its
// SyncReply (type 4) is a sync message, and SyncStatus (8) / Ping (9) frames carry no document data.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Dialect } from '../servers/serverTarget.ts'

export const WireType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  syncReply: 4,
} as const

export interface Wire {
  /** Frames sent first on a new socket (Hocuspocus: authentication). */
  opening(): Uint8Array[]
  /** A y-protocols message (type + payload) as a frame for this document. */
  wrap(message: Uint8Array): Uint8Array
  /** A decoder positioned at the message type. */
  unwrap(frame: Uint8Array): decoding.Decoder
}

export function wireFor(dialect: Dialect, documentName: string): Wire {
  if (dialect === 'y-websocket') {
    return { opening: () => [], wrap: (message) => message, unwrap: (frame) => decoding.createDecoder(frame) }
  }
  const prefixed = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, documentName)
    write(encoder)
    return encoding.toUint8Array(encoder)
  }
  return {
    opening: () => [
      prefixed((e) => {
        encoding.writeVarUint(e, WireType.auth)
        encoding.writeVarUint(e, 0)
        encoding.writeVarString(e, 'bench')
      }),
    ],
    wrap: (message) => prefixed((e) => encoding.writeUint8Array(e, message)),
    unwrap: (frame) => {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarString(decoder)
      return decoder
    },
  }
}

/** [sync, step 1, state vector] for a client that has nothing. */
export const EMPTY_STEP1 = new Uint8Array([0, 0, 1, 0])

export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, WireType.sync)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, WireType.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
