import type { CommentThread } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import type { AnchorPlace } from './commentsStore.ts'
import { threadAtCaret } from './threadAtCaret.ts'

const thread = (id: string, sectionId = 's2', status: 'open' | 'resolved' = 'open') =>
  ({ id, sectionId, status }) as CommentThread
const range = (from: number, to: number): AnchorPlace => ({ kind: 'range', from, to })

const threads = [thread('wide'), thread('narrow'), thread('done', 's2', 'resolved'), thread('other', 's3')]
const anchors = new Map<string, AnchorPlace>([
  ['wide', range(5, 40)],
  ['narrow', range(10, 20)],
  ['done', range(1, 50)],
  ['other', range(5, 40)],
])
const at = (from: number, to = from, active: string | null = null) =>
  threadAtCaret(threads, anchors, { sectionId: 's2', from, to }, active)

describe('the comment at the caret', () => {
  it('is the open thread whose text holds the caret, in the caret’s own section', () => {
    expect(at(30)).toBe('wide')
    expect(at(2)).toBeNull()
    expect(threadAtCaret(threads, anchors, { sectionId: 's4', from: 30, to: 30 }, null)).toBeNull()
  })

  it('counts the edges of the text: after placing a comment the caret is at its end', () => {
    expect(at(40)).toBe('wide')
    expect(at(5)).toBe('wide')
    expect(at(41)).toBeNull()
  })

  it('takes the thread with the least text where highlights overlap, or the active one', () => {
    expect(at(15)).toBe('narrow')
    expect(at(15, 15, 'wide')).toBe('wide')
  })

  it('takes a thread whose text a selection touches', () => {
    expect(at(0, 6)).toBe('wide')
    expect(at(18, 45)).toBe('narrow')
  })

  it('ignores resolved threads and threads whose text is gone', () => {
    const gone = new Map<string, AnchorPlace>([['wide', { kind: 'deleted' }]])
    expect(threadAtCaret([thread('wide')], gone, { sectionId: 's2', from: 5, to: 5 }, null)).toBeNull()
    expect(at(45)).toBeNull()
  })
})
