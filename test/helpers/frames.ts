// Builds y-websocket frames by hand for raw-protocol tests, and reads the type of received frames.
import { MessageType, SyncStep } from '@novex/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

export const syncStep1 = (doc: Y.Doc): Uint8Array =>
  frame(MessageType.sync, (e) => {
    encoding.writeVarUint(e, SyncStep.step1)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
  })

export const syncStep2 = (update: Uint8Array): Uint8Array =>
  frame(MessageType.sync, (e) => {
    encoding.writeVarUint(e, SyncStep.step2)
    encoding.writeVarUint8Array(e, update)
  })

export const syncUpdate = (update: Uint8Array): Uint8Array =>
  frame(MessageType.sync, (e) => {
    encoding.writeVarUint(e, SyncStep.update)
    encoding.writeVarUint8Array(e, update)
  })

/** An awareness frame claiming `state` for `clientId` (any id: that is the point of abuse tests). */
export const awarenessFor = (clientId: number, clock: number, state: unknown): Uint8Array =>
  frame(MessageType.awareness, (e) => {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, JSON.stringify(state))
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  })

export const barrier = (seq: number): Uint8Array =>
  frame(MessageType.barrier, (e) => {
    encoding.writeVarUint(e, seq)
  })

export interface ReadFrame {
  readonly type: number
  /** For sync frames: the step. */
  readonly step?: number
  /** For sync frames: the payload; for refused/access: the strings. */
  readonly payload?: Uint8Array
  readonly strings?: string[]
}

export function readFrame(bytes: Uint8Array): ReadFrame {
  const d = decoding.createDecoder(bytes)
  const type = decoding.readVarUint(d)
  if (type === MessageType.sync) {
    const step = decoding.readVarUint(d)
    return { type, step, payload: decoding.readVarUint8Array(d) }
  }
  if (type === MessageType.refused) return { type, strings: [decoding.readVarString(d), decoding.readVarString(d)] }
  if (type === MessageType.access) return { type, strings: [decoding.readVarString(d)] }
  return { type }
}
