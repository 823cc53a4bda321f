import { describe, expect, it } from 'vitest'
import type { Participant } from '../../collab/usePresence.ts'
import { peopleOf, presenceChanges } from './presenceChanges.ts'

const person = (clientId: number, name: string, isSelf = false): Participant => ({
  clientId,
  name,
  color: '#154273',
  organisation: 'Provincie Noord-Brabant',
  section: null,
  isSelf,
})

describe('presenceChanges', () => {
  it('names who joined and who left, never oneself', () => {
    const before = peopleOf([person(1, 'Ik', true), person(2, 'Anne')])
    const after = peopleOf([person(1, 'Ik', true), person(3, 'Bram')])
    expect(presenceChanges(before, after)).toEqual({ joined: ['Bram'], left: ['Anne'] })
  })

  it('does not count a reconnect under a new client id or a second tab as a join or a leave', () => {
    const before = peopleOf([person(2, 'Anne')])
    const after = peopleOf([person(7, 'Anne'), person(8, 'Anne')])
    expect(presenceChanges(before, after)).toEqual({ joined: [], left: [] })
  })
})
