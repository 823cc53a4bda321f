import { describe, expect, it } from 'vitest'
import { createRebuildGuard } from './rebuildGuard.ts'

describe('createRebuildGuard', () => {
  it('allows a few rebuilds in a row with growing waits, then gives up', () => {
    const guard = createRebuildGuard([0, 2_000, 8_000])
    expect([guard.next(), guard.next(), guard.next(), guard.next(), guard.next()]).toEqual([
      0,
      2_000,
      8_000,
      null,
      null,
    ])
  })

  it('starts afresh once a rebuilt document was saved', () => {
    const guard = createRebuildGuard([0, 2_000])
    expect(guard.next()).toBe(0)
    guard.settle()
    expect(guard.next()).toBe(0)
    expect(guard.next()).toBe(2_000)
  })
})
