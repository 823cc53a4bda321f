// A room's presence: the y-protocols Awareness (its states and clocks, its timeout of silent clients),
// fed with states the server has already parsed and stamped (policy/stampAwareness.ts), and the JSON
// each state was stamped as, so that a presence update is parsed once and stringified once (issue 7:
// y-protocols' applyAwarenessUpdate parsed every state again, and its encoder stringified it again for
// every broadcast).
import { MessageType } from '@novex/shared'
import * as encoding from 'lib0/encoding'
import type * as awarenessProtocol from 'y-protocols/awareness'
import type { StampedEntry } from '../policy/stampAwareness.ts'

interface Sent {
  /** The state object in the Awareness this JSON was made from (a state set elsewhere is stringified). */
  readonly value: Record<string, unknown>
  readonly json: string
}

export class RoomPresence {
  private readonly awareness: awarenessProtocol.Awareness
  private readonly sent = new Map<number, Sent>()

  constructor(awareness: awarenessProtocol.Awareness) {
    this.awareness = awareness
  }

  /**
   * Applies stamped entries with the rules of y-protocols' applyAwarenessUpdate (1.0.7): a newer clock
   * wins, `null` at the same clock removes, and the same `change` and `update` events are emitted.
   */
  apply(entries: readonly StampedEntry[], origin: unknown): void {
    const { awareness } = this
    const now = Date.now()
    const added: number[] = []
    const updated: number[] = []
    const changed: number[] = []
    const removed: number[] = []
    for (const { clientId, clock: sentClock, value, json } of entries) {
      let clock = sentClock
      const meta = awareness.meta.get(clientId)
      const current = meta === undefined ? 0 : meta.clock
      if (!(current < clock || (current === clock && value === null && awareness.states.has(clientId)))) continue
      const previous = this.sent.get(clientId)
      if (value === null) {
        // Never let a remote client remove the local state (the server has none; kept as y-protocols does).
        if (clientId === awareness.clientID && awareness.getLocalState() != null) clock++
        else {
          awareness.states.delete(clientId)
          this.sent.delete(clientId)
        }
      } else {
        awareness.states.set(clientId, value)
        this.sent.set(clientId, { value, json })
      }
      awareness.meta.set(clientId, { clock, lastUpdated: now })
      if (meta === undefined && value !== null) added.push(clientId)
      else if (meta !== undefined && value === null) removed.push(clientId)
      else if (value !== null) {
        // Same stamping, same key order: equal JSON is an equal state.
        if (previous?.json !== json) changed.push(clientId)
        updated.push(clientId)
      }
    }
    if (added.length > 0 || changed.length > 0 || removed.length > 0)
      awareness.emit('change', [{ added, updated: changed, removed }, origin])
    if (added.length > 0 || updated.length > 0 || removed.length > 0)
      awareness.emit('update', [{ added, updated, removed }, origin])
  }

  /** Forgets the JSON of states that are gone (removed by a peer leaving or by the Awareness's timeout). */
  forget(clientIds: readonly number[]): void {
    for (const id of clientIds) this.sent.delete(id)
  }

  /** An awareness frame with these clients' states (null for those that left), as y-protocols encodes it. */
  frame(clientIds: Iterable<number>): Uint8Array {
    const ids = [...clientIds]
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, ids.length)
    for (const id of ids) {
      const state = this.awareness.states.get(id)
      const sent = this.sent.get(id)
      encoding.writeVarUint(update, id)
      encoding.writeVarUint(update, this.awareness.meta.get(id)?.clock ?? 0)
      encoding.writeVarString(
        update,
        state === undefined ? 'null' : sent?.value === state ? sent.json : JSON.stringify(state),
      )
    }
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.awareness)
    encoding.writeVarUint8Array(e, encoding.toUint8Array(update))
    return encoding.toUint8Array(e)
  }
}
