// POST /api/session (log in), DELETE /api/session (log out), GET /api/session (who am I, and the idle
// timeout), POST /api/session/activity (the user is working: the idle time starts again).
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SessionInfo, SessionUser } from '@novex/shared'
import { stringifySetCookie } from 'cookie'
import { z } from 'zod'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import type { Audit } from '../accounts/audit.ts'
import { DUMMY_HASH, verifyPassword } from '../accounts/passwords.ts'
import type { Session, SessionStore } from '../accounts/sessionStore.ts'
import { type Authenticate, SESSION_COOKIE, sessionToken } from '../policy/authenticate.ts'
import { clientIp, isHttps } from '../transport/requestSource.ts'
import type { LoginLimiter } from './loginLimiter.ts'
import { readJsonBody } from './readJsonBody.ts'
import { ApiError, sendJson, tooManyRequests } from './respond.ts'

const LoginBody = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
})

export interface SessionApiDeps {
  readonly accounts: AccountStore
  readonly sessions: SessionStore
  readonly authenticate: Authenticate
  readonly limiter: LoginLimiter
  readonly audit: Audit
  readonly sessionTtlMs: number
  /** 0: no idle timeout. */
  readonly sessionIdleMs: number
  readonly trustProxy: boolean
  /** Live connections of an ended session are closed at once. */
  readonly onSessionsChanged: () => void
  /**
   * Where the browser goes to end the session at the identity provider too (oidcApi.ts), for a session
   * that began there; null for any other. Asked before the session is revoked.
   */
  readonly providerLogout: (tokenHash: string) => Promise<string | null>
}

/** The user as the session API sends them (POST /api/session as `{ user }`, GET /api/session). */
export function publicUser(accounts: AccountStore, user: User): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    organisation: { id: user.organisation.id, name: user.organisation.name, kind: user.organisation.kind },
    memberships: accounts.memberships(user.id),
  }
}

export async function handleLogin(deps: SessionApiDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonBody(req, LoginBody)
  const account = body.email.toLowerCase()
  const ip = clientIp(req, deps.trustProxy)
  const wait = await deps.limiter.blockedFor(account, ip)
  if (wait > 0) throw tooManyRequests(res, wait, 'too_many_attempts', 'Te veel mislukte inlogpogingen.')
  const found = deps.accounts.findUserByEmail(account)
  // Verify against a dummy hash for unknown accounts, so the answer time does not tell which exist.
  const ok = await verifyPassword(body.password, found?.passwordHash ?? DUMMY_HASH)
  if (!found || !ok || found.disabled) {
    await deps.limiter.recordFailure(account, ip)
    deps.audit({ actor: account, action: 'session.login-failed', details: { ip } })
    throw new ApiError(401, 'invalid_credentials', 'Het e-mailadres of het wachtwoord klopt niet.')
  }
  await deps.limiter.recordSuccess(account)
  beginSession(deps, req, res, found, 'password')
  sendJson(res, 200, { user: publicUser(deps.accounts, found) })
}

/** A new session for `user`, its cookie set on `res`, the login audited: the same for every way in. */
export function beginSession(
  deps: SessionApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  user: User,
  method: 'password' | 'oidc',
): Session {
  const { token, session } = deps.sessions.create(user.id, deps.sessionTtlMs)
  deps.audit({ actor: user.id, action: 'session.login', details: { ip: clientIp(req, deps.trustProxy), method } })
  res.appendHeader(
    'set-cookie',
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: token,
      httpOnly: true,
      sameSite: 'lax',
      secure: isHttps(req, deps.trustProxy),
      path: '/',
      maxAge: Math.floor(deps.sessionTtlMs / 1000),
    }),
  )
  return session
}

/**
 * Ends the session: 204, or 200 `{ providerLogoutUrl }` for a session that began at the identity provider,
 * where the page then sends the browser to end the provider's session too.
 */
export async function handleLogout(deps: SessionApiDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const token = sessionToken(req)
  const auth = deps.authenticate(req)
  const providerLogoutUrl = auth ? await deps.providerLogout(auth.session.tokenHash) : null
  if (token) deps.sessions.revoke(token)
  if (auth) deps.audit({ actor: auth.user.id, action: 'session.logout' })
  deps.onSessionsChanged()
  res.setHeader(
    'set-cookie',
    stringifySetCookie({ name: SESSION_COOKIE, value: '', httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 }),
  )
  if (providerLogoutUrl !== null) {
    sendJson(res, 200, { providerLogoutUrl })
    return
  }
  res.writeHead(204)
  res.end()
}

export function handleWhoAmI(deps: SessionApiDeps, req: IncomingMessage, res: ServerResponse): void {
  const auth = deps.authenticate(req)
  if (!auth) throw new ApiError(401, 'unauthenticated', 'U bent niet ingelogd.')
  const info: SessionInfo = {
    user: publicUser(deps.accounts, auth.user),
    idleSeconds: Math.round(deps.sessionIdleMs / 1000),
  }
  sendJson(res, 200, info)
}

/**
 * The page saw its user work (a key, a click, a scroll) and says so, at most about once a minute. Only
 * this restarts the idle time: requests a page makes by itself (following others' edits, reconnecting)
 * do not, so a page left open does not keep its session alive.
 */
export function handleActivity(deps: SessionApiDeps, req: IncomingMessage, res: ServerResponse): void {
  const auth = deps.authenticate(req)
  if (!auth) throw new ApiError(401, 'unauthenticated', 'U bent niet ingelogd of uw sessie is verlopen.')
  deps.sessions.touch(auth.session.tokenHash)
  res.writeHead(204)
  res.end()
}
