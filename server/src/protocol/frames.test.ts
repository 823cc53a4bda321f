import { MessageType, SyncStep } from '@novex/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { syncFrame } from './frames.ts'

describe('syncFrame', () => {
  it.each([0, 1, 127, 128, 70_000, 300_000])('frames a %i-byte payload as y-protocols encodes it', (size) => {
    const payload = Uint8Array.from({ length: size }, (_, i) => (i * 31) % 256)
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, SyncStep.step2)
    encoding.writeVarUint8Array(e, payload)
    const frame = syncFrame(SyncStep.step2, payload)
    expect(frame).toEqual(encoding.toUint8Array(e))
    const d = decoding.createDecoder(frame)
    expect([decoding.readVarUint(d), decoding.readVarUint(d)]).toEqual([MessageType.sync, SyncStep.step2])
    expect(decoding.readVarUint8Array(d)).toEqual(payload)
    expect(decoding.hasContent(d)).toBe(false)
  })
})
