// Presence is stamped by the server: name and organisation come from the session, never from the
// client, and a connection cannot speak for a client id that another connection speaks for.
// Stamping is the one place a presence state is parsed and stringified (issue 7: it was parsed three
// times and stringified twice per update): the room applies the parsed value and sends the string.
// Awareness update layout (y-protocols): varuint n, n × (varuint clientID, varuint clock, varString JSON).
import { ORGANISATION_KIND_COLOR } from '@novex/shared'
import * as decoding from 'lib0/decoding'
import type { PeerUser } from '../rooms/peer.ts'

export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  readonly state: string
}

const MAX_STATE_BYTES = 16 * 1024

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update)
  const n = decoding.readVarUint(d)
  const out: AwarenessEntry[] = []
  for (let i = 0; i < n; i++) {
    out.push({ clientId: decoding.readVarUint(d), clock: decoding.readVarUint(d), state: decoding.readVarString(d) })
  }
  return out
}

/** A presence entry after stamping: its state parsed (null = leaving) and as the JSON that is sent on. */
export interface StampedEntry {
  readonly clientId: number
  readonly clock: number
  readonly value: Record<string, unknown> | null
  readonly json: string
}

/** A presence state that is not JSON: the frame is malformed (the connection is closed). */
export class MalformedPresenceError extends Error {}

/** The `user` field every presence of this connection carries. */
export function presenceUser(user: PeerUser): Record<string, string> {
  return {
    name: user.name,
    organisation: user.organisationName,
    organisationKind: user.organisationKind,
    color: ORGANISATION_KIND_COLOR[user.organisationKind],
  }
}

/**
 * Keeps the entries this connection may speak for and overwrites their `user` with the session's.
 * A state that is not a JSON object (or is too large) is dropped; `null` (leaving) is kept. A state that
 * is not JSON at all makes the whole frame malformed (MalformedPresenceError), as no client writes one.
 */
export function stampAwareness(
  entries: readonly AwarenessEntry[],
  user: PeerUser,
  mayUse: (clientId: number) => boolean,
): StampedEntry[] {
  const stamped: StampedEntry[] = []
  let who: Record<string, string> | null = null
  for (const entry of entries) {
    let parsed: unknown
    try {
      parsed = JSON.parse(entry.state)
    } catch {
      throw new MalformedPresenceError('presence state is not JSON')
    }
    if (!mayUse(entry.clientId) || entry.state.length > MAX_STATE_BYTES) continue
    if (parsed === null) {
      stamped.push({ clientId: entry.clientId, clock: entry.clock, value: null, json: 'null' })
      continue
    }
    if (typeof parsed !== 'object' || Array.isArray(parsed)) continue
    who ??= presenceUser(user)
    const value: Record<string, unknown> = { ...parsed, user: who }
    stamped.push({ clientId: entry.clientId, clock: entry.clock, value, json: JSON.stringify(value) })
  }
  return stamped
}
