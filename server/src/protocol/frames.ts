// Encoders for the y-websocket frames the server sends. Message type codes come from @novex/shared.
import { MessageType, SyncStep } from '@novex/shared'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  encoding.writeVarUint(e, SyncStep.step1)
  encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
  return encoding.toUint8Array(e)
}

export function syncStep2Frame(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  encoding.writeVarUint(e, SyncStep.step2)
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector))
  return encoding.toUint8Array(e)
}

/**
 * A sync frame around bytes the caller already has (a stored state vector or snapshot). The payload is
 * copied once, into a frame allocated at its final size (an encoder would copy a large payload twice).
 */
export function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  encoding.writeVarUint(e, step)
  encoding.writeVarUint(e, payload.byteLength)
  const header = encoding.toUint8Array(e)
  const frame = new Uint8Array(header.byteLength + payload.byteLength)
  frame.set(header)
  frame.set(payload, header.byteLength)
  return frame
}

export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  encoding.writeVarUint(e, SyncStep.update)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}
