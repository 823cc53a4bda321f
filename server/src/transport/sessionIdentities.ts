// The identity a connection speaks with (the session's token hash and the user's name and organisation),
// shared by the open connections of one session: tabs and documents of one browser. Each connection
// used to carry its own copy of the same strings, read afresh from SQLite at its upgrade (~0.3 KiB per
// idle connection, issue 7). An identity is shared only while every field is equal, so a connection
// opened after a rename speaks with the new name; rights are not part of it (they stay per connection).
import type { PeerUser } from '../rooms/peer.ts'

export interface SessionIdentity {
  readonly sessionHash: string
  readonly user: PeerUser
}

interface Entry {
  readonly identity: SessionIdentity
  connections: number
}

export interface SessionIdentities {
  /** The shared identity for a new connection of this session; `release` it when the connection closes. */
  acquire(sessionHash: string, user: PeerUser): SessionIdentity
  release(identity: SessionIdentity): void
  /** Sessions with an open connection. */
  readonly size: number
}

export function createSessionIdentities(): SessionIdentities {
  const bySession = new Map<string, Entry>()
  return {
    acquire(sessionHash, user) {
      const entry = bySession.get(sessionHash)
      if (entry && sameUser(entry.identity.user, user)) {
        entry.connections++
        return entry.identity
      }
      const fresh: Entry = { identity: { sessionHash, user: { ...user } }, connections: 1 }
      // The older identity stays with the connections that hold it; it is no longer handed out.
      bySession.set(sessionHash, fresh)
      return fresh.identity
    },
    release(identity) {
      const entry = bySession.get(identity.sessionHash)
      if (entry?.identity !== identity) return
      if (--entry.connections === 0) bySession.delete(identity.sessionHash)
    },
    get size() {
      return bySession.size
    },
  }
}

function sameUser(a: PeerUser, b: PeerUser): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.organisationName === b.organisationName &&
    a.organisationKind === b.organisationKind
  )
}
