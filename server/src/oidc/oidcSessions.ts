// What is kept of each session that began at the identity provider: its ID token, so that logging out here
// can end the session there too (RP-initiated logout with id_token_hint), and who the provider said it was
// with the provider's session id, so that the provider's back-channel logout can name the sessions here to
// end. Deleted with the session (foreign key).
import type { Db } from '../persistence/database.ts'
import type { ProviderLogout } from './logoutToken.ts'
import type { ProviderIdentity } from './relyingParty.ts'

/** A live session here that a back-channel logout ends. */
export interface EndedSession {
  readonly tokenHash: string
  readonly userId: string
}

export interface OidcSessions {
  remember(tokenHash: string, identity: ProviderIdentity): void
  idTokenOf(tokenHash: string): string | null
  /** The live sessions here that began at the provider in the session (or for the subject) it logged out. */
  endedBy(logout: ProviderLogout): EndedSession[]
}

export function createOidcSessions(db: Db): OidcSessions {
  const insert = db.prepare<[string, string, string, string, string | null]>(
    'INSERT INTO oidc_sessions (token_hash, id_token, issuer, subject, sid) VALUES (?, ?, ?, ?, ?)',
  )
  const find = db.prepare<[string], { id_token: string }>('SELECT id_token FROM oidc_sessions WHERE token_hash = ?')
  // A token naming both must match both; one naming only the subject ends all of that subject's sessions.
  const ended = db.prepare<
    { issuer: string; subject: string | null; sid: string | null },
    { token_hash: string; user_id: string }
  >(
    `SELECT o.token_hash, s.user_id FROM oidc_sessions o JOIN sessions s ON s.token_hash = o.token_hash
     WHERE o.issuer = @issuer AND s.revoked_at IS NULL
       AND (@subject IS NULL OR o.subject = @subject) AND (@sid IS NULL OR o.sid = @sid)`,
  )
  return {
    remember: (tokenHash, identity) => {
      insert.run(tokenHash, identity.idToken, identity.issuer, identity.subject, identity.sessionId)
    },
    idTokenOf: (tokenHash) => find.get(tokenHash)?.id_token ?? null,
    endedBy: (logout) => {
      if (logout.subject === null && logout.sessionId === null) return []
      return ended
        .all({ issuer: logout.issuer, subject: logout.subject, sid: logout.sessionId })
        .map((row) => ({ tokenHash: row.token_hash, userId: row.user_id }))
    },
  }
}
