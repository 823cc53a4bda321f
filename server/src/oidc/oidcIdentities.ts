// Which user an identity at the identity provider is: (issuer, subject) → user id. Linked on the first
// login there (by the provider's verified e-mail address), with an audit event; found by the pair after.
import type { Audit } from '../accounts/audit.ts'
import type { Db } from '../persistence/database.ts'

export interface OidcIdentities {
  userOf(issuer: string, subject: string): string | null
  link(issuer: string, subject: string, userId: string): void
}

export function createOidcIdentities(db: Db, audit: Audit, now: () => number = Date.now): OidcIdentities {
  const find = db.prepare<[string, string], { user_id: string }>(
    'SELECT user_id FROM oidc_identities WHERE issuer = ? AND subject = ?',
  )
  const insert = db.prepare<[string, string, string, number]>(
    'INSERT INTO oidc_identities (issuer, subject, user_id, linked_at) VALUES (?, ?, ?, ?)',
  )
  const link = db.transaction((issuer: string, subject: string, userId: string) => {
    insert.run(issuer, subject, userId, now())
    audit({ actor: userId, action: 'oidc.linked', subject: userId, details: { issuer, subject } })
  })
  return {
    userOf: (issuer, subject) => find.get(issuer, subject)?.user_id ?? null,
    link: (issuer, subject, userId) => link(issuer, subject, userId),
  }
}
