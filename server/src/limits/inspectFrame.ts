// Checks a client frame completely before it reaches a room: a known message type, a known sync step,
// lengths that fit, no trailing bytes, and a structurally sound V1 update (inspectUpdate); presence
// states are checked to be JSON where they are stamped (policy/stampAwareness.ts). A frame that
// fails is never handed on; the transport closes the connection with `malformed`. The result also says
// what the frame is, so rate limits can count updates and presence separately.
import { MessageType, SyncStep } from '@novex/shared'
import * as decoding from 'lib0/decoding'
import { inspectUpdate, MAX_CLOCK } from './inspectUpdate.ts'

/** Presence is a name, a colour and a cursor: far below this. */
export const MAX_AWARENESS_BYTES = 64 * 1024

export type FrameKind = 'update' | 'presence' | 'control'

export type FrameInspection =
  | { readonly ok: true; readonly kind: FrameKind }
  | { readonly ok: false; readonly reason: string }

const bad = (reason: string): FrameInspection => ({ ok: false, reason })

export function inspectFrame(frame: Uint8Array): FrameInspection {
  try {
    const d = decoding.createDecoder(frame)
    const type = decoding.readVarUint(d)
    switch (type) {
      case MessageType.sync:
        return inspectSync(d)
      case MessageType.awareness: {
        const payload = readPayload(d)
        if (payload.length > MAX_AWARENESS_BYTES) return bad(`presence of ${payload.length} bytes`)
        return finished(d, inspectAwareness(payload) ?? { ok: true, kind: 'presence' })
      }
      case MessageType.queryAwareness:
        return finished(d, { ok: true, kind: 'control' })
      case MessageType.barrier:
        decoding.readVarUint(d)
        return finished(d, { ok: true, kind: 'control' })
      default:
        return bad(`message type ${type} is not accepted from clients`)
    }
  } catch (error) {
    return bad(error instanceof Error ? error.message : 'unreadable frame')
  }
}

function inspectSync(d: decoding.Decoder): FrameInspection {
  const step = decoding.readVarUint(d)
  const payload = readPayload(d)
  if (step === SyncStep.step1) return finished(d, inspectStateVector(payload) ?? { ok: true, kind: 'control' })
  if (step !== SyncStep.step2 && step !== SyncStep.update) return bad(`unknown sync step ${step}`)
  const inspection = inspectUpdate(payload)
  return finished(d, inspection.ok ? { ok: true, kind: 'update' } : bad(inspection.reason))
}

function readPayload(d: decoding.Decoder): Uint8Array {
  const n = decoding.readVarUint(d)
  if (n > d.arr.length - d.pos) throw new Error(`payload of ${n} bytes declared, ${d.arr.length - d.pos} left`)
  return decoding.readUint8Array(d, n)
}

function readString(d: decoding.Decoder): string {
  const start = d.pos
  readPayload(d)
  d.pos = start
  return decoding.readVarString(d)
}

function finished(d: decoding.Decoder, result: FrameInspection): FrameInspection {
  if (!result.ok) return result
  return decoding.hasContent(d) ? bad('trailing bytes after the message') : result
}

function inspectStateVector(payload: Uint8Array): FrameInspection | null {
  const d = decoding.createDecoder(payload)
  const n = decoding.readVarUint(d)
  if (n * 2 > payload.length) return bad(`state vector declares ${n} clients`)
  for (let i = 0; i < n; i++) {
    decoding.readVarUint(d)
    if (decoding.readVarUint(d) > MAX_CLOCK) return bad('state vector clock out of range')
  }
  return decoding.hasContent(d) ? bad('trailing bytes after the state vector') : null
}

function inspectAwareness(payload: Uint8Array): FrameInspection | null {
  const d = decoding.createDecoder(payload)
  const n = decoding.readVarUint(d)
  if (n * 3 > payload.length) return bad(`presence declares ${n} clients`)
  for (let i = 0; i < n; i++) {
    decoding.readVarUint(d)
    decoding.readVarUint(d)
    // The state's JSON is parsed once, where it is stamped (policy/stampAwareness.ts): a state that is
    // not JSON closes the connection there as malformed, before it reaches the room's presence.
    readString(d)
  }
  return decoding.hasContent(d) ? bad('trailing bytes after the presence update') : null
}
