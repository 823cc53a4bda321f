// Login sessions. The cookie holds a random token; the database holds only its SHA-256, so a copy of
// the database does not let anyone log in. Sessions expire (after their lifetime, and after a time
// without use: the idle timeout, BIO) and can be revoked.
import { createHash, randomBytes } from 'node:crypto'
import { activityWriteIntervalMs } from '@novex/shared'
import type { Db } from '../persistence/database.ts'

export interface Session {
  readonly tokenHash: string
  readonly userId: string
  readonly expiresAt: number
}

export interface SessionStore {
  /** Creates a session and returns the token for the cookie. */
  create(userId: string, ttlMs: number): { token: string; session: Session }
  /** The live session for a token, or null when unknown, expired or revoked. */
  resolve(token: string): Session | null
  /** Whether a session (by hash) is still live. */
  isLive(tokenHash: string): boolean
  /**
   * The session's page reported its user's activity (POST /api/session/activity): its idle time starts
   * again. Written at most once per tenth of the idle timeout (and at most once a minute).
   */
  touch(tokenHash: string): void
  revoke(token: string): void
  /** Ends a session known by its hash (a back-channel logout); false when it had already ended. */
  revokeHash(tokenHash: string): boolean
  revokeAllForUser(userId: string): number
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

export interface SessionStoreOptions {
  /** A session not used for this long has ended; 0: no idle timeout. */
  readonly idleMs?: number
  readonly now?: () => number
}

export function createSessionStore(db: Db, { idleMs = 0, now = Date.now }: SessionStoreOptions = {}): SessionStore {
  const insert = db.prepare<[string, string, number, number]>(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  )
  const select = db.prepare<
    [string],
    {
      token_hash: string
      user_id: string
      created_at: number
      expires_at: number
      revoked_at: number | null
      last_active_at: number | null
    }
  >('SELECT token_hash, user_id, created_at, expires_at, revoked_at, last_active_at FROM sessions WHERE token_hash = ?')
  const touchRow = db.prepare<[number, string, number]>(
    `UPDATE sessions SET last_active_at = ?
     WHERE token_hash = ? AND revoked_at IS NULL AND COALESCE(last_active_at, created_at) < ?`,
  )
  const touchEveryMs = activityWriteIntervalMs(idleMs)
  const revoke = db.prepare<[number, string]>(
    'UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
  )
  const revokeUser = db.prepare<[number, string]>(
    'UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
  )
  const purge = db.prepare<[number]>('DELETE FROM sessions WHERE expires_at < ?')
  const live = (tokenHash: string): Session | null => {
    const row = select.get(tokenHash)
    if (!row || row.revoked_at !== null || row.expires_at <= now()) return null
    if (idleMs > 0 && (row.last_active_at ?? row.created_at) + idleMs <= now()) return null
    return { tokenHash: row.token_hash, userId: row.user_id, expiresAt: row.expires_at }
  }
  return {
    create(userId, ttlMs) {
      // Expired sessions are cleaned up as new ones are made; a week of history is kept for audits.
      purge.run(now() - 7 * 24 * 3600_000)
      const token = randomBytes(32).toString('base64url')
      const session = { tokenHash: hashToken(token), userId, expiresAt: now() + ttlMs }
      insert.run(session.tokenHash, userId, now(), session.expiresAt)
      return { token, session }
    },
    resolve: (token) => (token.length > 0 && token.length < 200 ? live(hashToken(token)) : null),
    isLive: (tokenHash) => live(tokenHash) !== null,
    touch(tokenHash) {
      // An ended session stays ended.
      if (idleMs > 0 && live(tokenHash) !== null) touchRow.run(now(), tokenHash, now() - touchEveryMs)
    },
    revoke(token) {
      revoke.run(now(), hashToken(token))
    },
    revokeHash: (tokenHash) => revoke.run(now(), tokenHash).changes > 0,
    revokeAllForUser: (userId) => revokeUser.run(now(), userId).changes,
  }
}
