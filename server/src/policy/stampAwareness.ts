// Presence is stamped by the server: name and organisation come from the session, never from the
// client, and a connection cannot speak for a client id that another connection speaks for.
// Awareness update layout (y-protocols): varuint n, n × (varuint clientID, varuint clock, varString JSON).
import { ORGANISATION_KIND_COLOR } from '@novex/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
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

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId)
    encoding.writeVarUint(e, entry.clock)
    encoding.writeVarString(e, entry.state)
  }
  return encoding.toUint8Array(e)
}

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
 * A state that is not a JSON object (or is too large) is dropped; `null` (leaving) is kept.
 */
export function stampAwareness(
  entries: readonly AwarenessEntry[],
  user: PeerUser,
  mayUse: (clientId: number) => boolean,
): AwarenessEntry[] {
  const stamped: AwarenessEntry[] = []
  const who = presenceUser(user)
  for (const entry of entries) {
    if (!mayUse(entry.clientId) || entry.state.length > MAX_STATE_BYTES) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(entry.state)
    } catch {
      // Not JSON: not a presence we can stamp, so it is not passed on.
      continue
    }
    if (parsed === null) {
      stamped.push(entry)
      continue
    }
    if (typeof parsed !== 'object' || Array.isArray(parsed)) continue
    stamped.push({ ...entry, state: JSON.stringify({ ...parsed, user: who }) })
  }
  return stamped
}
