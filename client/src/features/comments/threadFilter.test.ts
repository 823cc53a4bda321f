import type { CommentAuthor, CommentThread } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { ALL_THREADS, matchesFilter, orderThreads, organisationsOf } from './threadFilter.ts'

const author = (organisationName: string): CommentAuthor => ({
  userId: organisationName,
  name: organisationName,
  organisationId: organisationName,
  organisationName,
  organisationKind: 'rijk',
})

const thread = (id: string, sectionId: string, extra: Partial<CommentThread> = {}): CommentThread => ({
  id,
  sectionId,
  anchor: { start: '', end: '' },
  quote: id,
  round: null,
  carriedInto: [],
  status: 'open',
  openedBy: author('Rijk'),
  openedAt: 0,
  resolvedBy: null,
  resolvedAt: null,
  messages: [],
  ...extra,
})

const message = (mentions: string[], deleted = false): CommentThread['messages'][number] => ({
  id: `m-${mentions.join('-')}-${deleted}`,
  author: author('Rijk'),
  body: deleted ? '' : 'Zie @Bram',
  mentions,
  at: 0,
  editedAt: null,
  deleted,
})

describe('matchesFilter', () => {
  it('shows only the threads that mention me, when asked, not counting deleted messages', () => {
    const mentioned = thread('a', 's1', { messages: [message([]), message(['bram'])] })
    const deletedMention = thread('b', 's1', { messages: [message(['bram'], true)] })
    const other = thread('c', 's1', { messages: [message(['anne'])] })
    const mine = { ...ALL_THREADS, mentioning: 'bram' }
    expect([mentioned, deletedMention, other].filter((t) => matchesFilter(t, mine)).map((t) => t.id)).toEqual(['a'])
    expect([mentioned, deletedMention, other].filter((t) => matchesFilter(t, ALL_THREADS))).toHaveLength(3)
  })

  it('filters by status, organisation, section and round (carried-over threads count for the later round)', () => {
    const carried = thread('a', 's1', { round: 1, carriedInto: [2] })
    const resolved = thread('b', 's2', { status: 'resolved', openedBy: author('Provincie') })
    expect(matchesFilter(carried, { ...ALL_THREADS, round: 2 })).toBe(true)
    expect(matchesFilter(carried, { ...ALL_THREADS, round: 3 })).toBe(false)
    expect(matchesFilter(resolved, { ...ALL_THREADS, round: 'none' })).toBe(true)
    expect(matchesFilter(resolved, { ...ALL_THREADS, status: 'open' })).toBe(false)
    expect(matchesFilter(resolved, { ...ALL_THREADS, organisation: 'Provincie' })).toBe(true)
    expect(matchesFilter(resolved, { ...ALL_THREADS, section: 's1' })).toBe(false)
    expect(organisationsOf([carried, resolved])).toEqual(['Provincie', 'Rijk'])
  })
})

describe('orderThreads', () => {
  it('orders by section, then anchor position; deleted text last in its section', () => {
    const threads = [thread('late', 's1'), thread('deleted', 's1'), thread('other', 's0'), thread('early', 's1')]
    const anchors = new Map([
      ['late', { kind: 'range', from: 20, to: 25 }] as const,
      ['early', { kind: 'range', from: 2, to: 5 }] as const,
      ['deleted', { kind: 'deleted' }] as const,
      ['other', { kind: 'range', from: 50, to: 60 }] as const,
    ])
    const order = new Map([
      ['s0', 0],
      ['s1', 1],
    ])
    expect(orderThreads(threads, order, anchors).map((t) => t.id)).toEqual(['other', 'early', 'late', 'deleted'])
  })
})
