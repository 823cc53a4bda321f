import { describe, expect, it } from 'vitest'
import { testPeer as peer } from './testPeer.ts'

describe('updates held until the client answers sync step 1', () => {
  it('hands them back in order once, and holds nothing after the answer', () => {
    const p = peer()
    expect(p.awaitingAnswer).toBe(true)
    const first = Uint8Array.of(1)
    const second = Uint8Array.of(2)
    expect(p.holdUntilAnswered(first)).toBe(true)
    expect(p.holdUntilAnswered(second)).toBe(true)
    expect(p.answer()).toEqual([first, second])
    expect(p.awaitingAnswer).toBe(false)
    expect(p.holdUntilAnswered(Uint8Array.of(3))).toBe(false)
    expect(p.answer()).toEqual([])
  })

  it('holds at most 64 updates and 256 KiB: beyond that they are refused as before', () => {
    const counted = peer()
    for (let i = 0; i < 64; i++) expect(counted.holdUntilAnswered(Uint8Array.of(i))).toBe(true)
    expect(counted.holdUntilAnswered(Uint8Array.of(64))).toBe(false)
    expect(counted.answer()).toHaveLength(64)

    const sized = peer()
    expect(sized.holdUntilAnswered(new Uint8Array(200 * 1024))).toBe(true)
    expect(sized.holdUntilAnswered(new Uint8Array(100 * 1024))).toBe(false)
    expect(sized.holdUntilAnswered(new Uint8Array(56 * 1024))).toBe(true)
  })
})
