// The ID token of each session that began at the identity provider, so that logging out here can end the
// session there too (RP-initiated logout with id_token_hint). Deleted with the session (foreign key).
import type { Db } from '../persistence/database.ts'

export interface OidcSessions {
  remember(tokenHash: string, idToken: string): void
  idTokenOf(tokenHash: string): string | null
}

export function createOidcSessions(db: Db): OidcSessions {
  const insert = db.prepare<[string, string]>('INSERT INTO oidc_sessions (token_hash, id_token) VALUES (?, ?)')
  const find = db.prepare<[string], { id_token: string }>('SELECT id_token FROM oidc_sessions WHERE token_hash = ?')
  return {
    remember: (tokenHash, idToken) => {
      insert.run(tokenHash, idToken)
    },
    idTokenOf: (tokenHash) => find.get(tokenHash)?.id_token ?? null,
  }
}
