// Resolves the session cookie of a request to a user. Used by the API and, at the upgrade, by the sync
// endpoint, before any WebSocket exists.
import type { IncomingMessage } from 'node:http'
import { parseCookie } from 'cookie'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import type { Session, SessionStore } from '../accounts/sessionStore.ts'

export const SESSION_COOKIE = 'novex_session'

export interface Authenticated {
  readonly user: User
  readonly session: Session
  readonly token: string
}

export type Authenticate = (req: IncomingMessage) => Authenticated | null

export function sessionToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie
  if (!header) return null
  return parseCookie(header)[SESSION_COOKIE] ?? null
}

export function createAuthenticate(accounts: AccountStore, sessions: SessionStore): Authenticate {
  return (req) => {
    const token = sessionToken(req)
    if (!token) return null
    const session = sessions.resolve(token)
    if (!session) return null
    const user = accounts.getUser(session.userId)
    if (!user || user.disabled) return null
    return { user, session, token }
  }
}

/** Browsers always send Origin; it must name this host or an allowed origin. Non-browser clients send none. */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  if (allowed.includes(origin)) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    // An Origin that is not a URL is not ours.
    return false
  }
}
