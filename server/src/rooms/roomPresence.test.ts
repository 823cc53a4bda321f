import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { MalformedPresenceError, type StampedEntry, stampAwareness } from '../policy/stampAwareness.ts'
import type { PeerUser } from './peer.ts'
import { RoomPresence } from './roomPresence.ts'

const anne: PeerUser = { id: 'u1', name: 'Anne', organisationName: 'LVVN', organisationKind: 'rijk' }

function setup() {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  awareness.setLocalState(null)
  const events: { added: number[]; updated: number[]; removed: number[] }[] = []
  awareness.on('update', (change: { added: number[]; updated: number[]; removed: number[] }) => events.push(change))
  return { awareness, presence: new RoomPresence(awareness), events }
}

const stamp = (clientId: number, clock: number, state: unknown): StampedEntry[] =>
  stampAwareness([{ clientId, clock, state: JSON.stringify(state) }], anne, () => true)

/** What a y-protocols client makes of a frame. */
function receivedBy(frame: Uint8Array): Map<number, unknown> {
  const d = decoding.createDecoder(frame)
  expect(decoding.readVarUint(d)).toBe(1)
  const client = new awarenessProtocol.Awareness(new Y.Doc())
  awarenessProtocol.applyAwarenessUpdate(client, decoding.readVarUint8Array(d), null)
  return client.getStates()
}

describe('room presence', () => {
  it('applies stamped states with the clock rules of y-protocols and sends what was stamped', () => {
    const { awareness, presence, events } = setup()
    presence.apply(stamp(5, 1, { cursor: 3, user: { name: 'Minister' } }), 'peer')
    expect(awareness.getStates().get(5)).toMatchObject({ cursor: 3, user: { name: 'Anne' } })
    presence.apply(stamp(5, 1, { cursor: 9 }), 'peer')
    expect(awareness.getStates().get(5)).toMatchObject({ cursor: 3 })
    presence.apply(stamp(5, 2, { cursor: 4 }), 'peer')
    expect(events).toEqual([
      { added: [5], updated: [], removed: [] },
      { added: [], updated: [5], removed: [] },
    ])
    expect(receivedBy(presence.frame([5])).get(5)).toEqual({
      cursor: 4,
      user: { name: 'Anne', organisation: 'LVVN', organisationKind: 'rijk', color: expect.any(String) },
    })
    presence.apply(stamp(5, 2, null), 'peer')
    expect(awareness.getStates().has(5)).toBe(false)
    expect(events[2]).toEqual({ added: [], updated: [], removed: [5] })
    expect(receivedBy(presence.frame([5])).has(5)).toBe(false)
  })

  it('refuses a state that is not JSON as malformed', () => {
    expect(() => stampAwareness([{ clientId: 1, clock: 1, state: '{niet: json' }], anne, () => true)).toThrow(
      MalformedPresenceError,
    )
  })
})
