import type { CommentThread } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { stepThrough } from './threadSteps.ts'

const thread = (id: string, status: 'open' | 'resolved' = 'open') => ({ id, status }) as CommentThread
const shown = [thread('a'), thread('x', 'resolved'), thread('b'), thread('c')]
const to = (active: string | null, step: 1 | -1) => {
  const found = stepThrough(shown, active, step)
  return found === null ? null : [found.thread.id, found.position, found.count]
}

describe('stepping through the open reactions', () => {
  it('starts at the first (next) or the last (previous) when none is active', () => {
    expect(to(null, 1)).toEqual(['a', 1, 3])
    expect(to(null, -1)).toEqual(['c', 3, 3])
    expect(to('gone', 1)).toEqual(['a', 1, 3])
  })

  it('moves to the open one before or after the active one, round at either end, past resolved ones', () => {
    expect(to('a', 1)).toEqual(['b', 2, 3])
    expect(to('c', 1)).toEqual(['a', 1, 3])
    expect(to('a', -1)).toEqual(['c', 3, 3])
    expect(to('b', -1)).toEqual(['a', 1, 3])
  })

  it('goes from the place of an active thread that is resolved', () => {
    expect(to('x', 1)).toEqual(['b', 2, 3])
    expect(to('x', -1)).toEqual(['a', 1, 3])
  })

  it('has nowhere to go without open reactions', () => {
    expect(stepThrough([thread('x', 'resolved')], null, 1)).toBeNull()
  })
})
