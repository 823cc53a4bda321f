import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { FreshJoinFrame } from './freshJoinFrame.ts'

const state = (bytes: number, fill: number): Uint8Array => new Uint8Array(bytes).fill(fill)

/** The payload of a sync step 2 frame. */
function payload(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame)
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
  return decoding.readVarUint8Array(decoder)
}

describe('FreshJoinFrame', () => {
  it('encodes a large document once for the joins until it changes', () => {
    const fresh = new FreshJoinFrame(100)
    let encodes = 0
    const encode = () => state(200, ++encodes)
    const first = fresh.frame(encode)
    expect(fresh.frame(encode)).toBe(first)
    expect(encodes).toBe(1)
    fresh.invalidate()
    const after = fresh.frame(encode)
    expect(encodes).toBe(2)
    expect(payload(after)).toEqual(state(200, 2))
  })

  it('encodes a small document on every join and keeps nothing', () => {
    const fresh = new FreshJoinFrame(100)
    let encodes = 0
    const encode = () => state(99, ++encodes)
    fresh.frame(encode)
    expect(payload(fresh.frame(encode))).toEqual(state(99, 2))
    expect(encodes).toBe(2)
  })

  it('offers the kept state as a view into the frame, until the document changes', () => {
    const fresh = new FreshJoinFrame(100)
    expect(fresh.keptState()).toBeNull()
    const frame = fresh.frame(() => state(200, 7))
    const kept = fresh.keptState()
    expect(kept).toEqual(state(200, 7))
    // The same memory as the frame's tail: holding it costs no second copy.
    expect(kept?.buffer).toBe(frame.buffer)
    expect(kept?.byteOffset).toBe(frame.byteLength - 200)
    expect(fresh.keptState()).toBe(kept)
    fresh.invalidate()
    expect(fresh.keptState()).toBeNull()
    fresh.frame(() => state(99, 1))
    expect(fresh.keptState()).toBeNull()
  })
})
