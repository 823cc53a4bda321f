// Login through the organisation's identity provider (OpenID Connect; oidc/relyingParty.ts):
//   GET /api/session/methods     which ways to log in the login page offers ({ oidc: { label } | null })
//   GET /api/oidc/login?terug=…  off to the provider, with state, nonce and PKCE in a short-lived cookie
//   GET /api/oidc/callback       back from it: the code redeemed, the person found, a session begun
//   POST /api/oidc/backchannel-logout   the provider says a session there ended (OpenID Connect
//                                Back-Channel Logout): the sessions here that began in it end too, and
//                                their open documents close, so a person who logs out of SSO-Rijk
//                                elsewhere is logged out here
// The person must already be a user here (made with the CLI, with their memberships): the provider says
// who someone is, this server decides what they may do. The first login links the provider's identity
// (issuer + subject) to the user with the same e-mail address, if the provider does not call that address
// unverified; later logins find the user by the link. Every failure goes back to the login page with a
// reason it can say in plain Dutch (`?fout=`), never to a bare error page.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type ProviderLoginFailure, safeReturnPath } from '@novex/shared'
import { parseCookie, stringifySetCookie } from 'cookie'
import type { Logger } from 'pino'
import type { User } from '../accounts/accountStore.ts'
import { LogoutTokenError } from '../oidc/logoutToken.ts'
import type { OidcIdentities } from '../oidc/oidcIdentities.ts'
import type { OidcSessions } from '../oidc/oidcSessions.ts'
import {
  decodePending,
  encodePending,
  PENDING_COOKIE,
  PENDING_COOKIE_PATH,
  PENDING_MAX_AGE_SECONDS,
} from '../oidc/pendingLogin.ts'
import { type ProviderIdentity, ProviderLoginError, type RelyingParty } from '../oidc/relyingParty.ts'
import { clientIp, isHttps } from '../transport/requestSource.ts'
import { readBodyBytes } from './readBody.ts'
import { ApiError, sendJson } from './respond.ts'
import { beginSession, type SessionApiDeps } from './sessionApi.ts'

export interface OidcApiDeps {
  readonly session: SessionApiDeps
  /** Null: no identity provider configured (OIDC_ISSUER unset). */
  readonly relyingParty: RelyingParty | null
  readonly identities: OidcIdentities
  /** The ID token of each session that began at the provider (for logging out there too). */
  readonly sessions: OidcSessions
  readonly logger: Logger
}

export function handleLoginMethods(deps: OidcApiDeps, res: ServerResponse): void {
  sendJson(res, 200, { oidc: deps.relyingParty === null ? null : { label: deps.relyingParty.label } })
}

/** Where to end a session at the provider too (sessionApi's providerLogout); null for other sessions. */
export async function providerLogoutUrl(
  relyingParty: RelyingParty | null,
  sessions: OidcSessions,
  tokenHash: string,
): Promise<string | null> {
  const idToken = relyingParty === null ? null : sessions.idTokenOf(tokenHash)
  if (relyingParty === null || idToken === null) return null
  return (await relyingParty.logoutUrl(idToken))?.href ?? null
}

/** Routes /api/oidc/*; false when the path is not one of them. */
export async function routeOidc(
  deps: OidcApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  params: URLSearchParams,
): Promise<boolean> {
  const method = path === BACKCHANNEL_LOGOUT_PATH ? 'POST' : 'GET'
  if (path !== '/api/oidc/login' && path !== '/api/oidc/callback' && path !== BACKCHANNEL_LOGOUT_PATH) return false
  if (req.method !== method) throw new ApiError(405, 'method_not_allowed', 'Deze methode is hier niet toegestaan.')
  if (deps.relyingParty === null) {
    throw new ApiError(404, 'oidc_off', 'Inloggen via een identiteitsprovider is op deze server niet ingesteld.')
  }
  if (path === BACKCHANNEL_LOGOUT_PATH) await backChannelLogout(deps, deps.relyingParty, req, res)
  else if (path === '/api/oidc/login')
    await startLogin(deps, deps.relyingParty, req, res, safeReturnPath(params.get('terug')))
  else await finishLogin(deps, deps.relyingParty, req, res, params)
  return true
}

async function startLogin(
  deps: OidcApiDeps,
  relyingParty: RelyingParty,
  req: IncomingMessage,
  res: ServerResponse,
  next: string,
): Promise<void> {
  let started: Awaited<ReturnType<RelyingParty['start']>>
  try {
    started = await relyingParty.start(next)
  } catch (error) {
    deps.logger.error({ err: error }, 'oidc login could not start')
    backToLogin(res, 'oidc_failed', next)
    return
  }
  setPendingCookie(res, req, deps, encodePending(started.pending), PENDING_MAX_AGE_SECONDS)
  redirect(res, started.url.href)
}

async function finishLogin(
  deps: OidcApiDeps,
  relyingParty: RelyingParty,
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
): Promise<void> {
  const pending = decodePending(parseCookie(req.headers.cookie ?? '')[PENDING_COOKIE])
  // Used once: cleared whatever the outcome, so a second visit to the same callback finds nothing.
  setPendingCookie(res, req, deps, '', 0)
  const ip = clientIp(req, deps.session.trustProxy)
  const fail = (reason: ProviderLoginFailure, details: Record<string, unknown> = {}): void => {
    deps.session.audit({
      actor: 'oidc',
      action: 'session.login-failed',
      details: { ip, method: 'oidc', reason, ...details },
    })
    backToLogin(res, reason, pending?.next ?? '/')
  }
  // No cookie: the ten minutes passed, or the callback was opened in another browser.
  if (pending === null) return fail('oidc_expired')
  let identity: ProviderIdentity
  try {
    identity = await relyingParty.finish(params.toString(), pending)
  } catch (error) {
    const reason =
      error instanceof ProviderLoginError && error.reason === 'cancelled' ? 'oidc_cancelled' : 'oidc_failed'
    if (reason === 'oidc_failed') deps.logger.warn({ err: error }, 'oidc login failed')
    return fail(reason)
  }
  const user = userFor(deps, identity)
  if (user === null) return fail('oidc_unknown_user', { issuer: identity.issuer, subject: identity.subject })
  if (user.disabled) return fail('oidc_disabled', { user: user.id })
  const session = beginSession(deps.session, req, res, user, 'oidc')
  deps.sessions.remember(session.tokenHash, identity)
  redirect(res, pending.next)
}

export const BACKCHANNEL_LOGOUT_PATH = '/api/oidc/backchannel-logout'
/** A logout token is a few kilobytes; nothing else is posted here. */
const MAX_LOGOUT_BODY_BYTES = 64 * 1024

/**
 * The provider's POST (application/x-www-form-urlencoded, `logout_token`). 200 once the sessions it names
 * have ended (also when none were live here), 400 for a token that is not valid: the standard's answers.
 */
async function backChannelLogout(
  deps: OidcApiDeps,
  relyingParty: RelyingParty,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBodyBytes(req, MAX_LOGOUT_BODY_BYTES, 'Dit afmeldbericht is te groot.')
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
  const token =
    type === 'application/x-www-form-urlencoded' ? new URLSearchParams(body.toString('utf8')).get('logout_token') : null
  if (token === null || token === '') {
    throw new ApiError(400, 'invalid_request', 'Er is geen logout_token meegestuurd (als formulier).')
  }
  let logout: Awaited<ReturnType<RelyingParty['verifyLogout']>>
  try {
    logout = await relyingParty.verifyLogout(token)
  } catch (error) {
    if (!(error instanceof LogoutTokenError)) {
      deps.logger.error({ err: error }, 'oidc back-channel logout: provider keys unavailable')
      throw new ApiError(503, 'oidc_unavailable', 'De sleutels van de identiteitsprovider zijn nu niet op te halen.')
    }
    deps.logger.warn({ reason: error.message }, 'oidc back-channel logout refused')
    throw new ApiError(400, 'invalid_request', 'Dit afmeldbericht is niet geldig.')
  }
  const ended = deps.sessions.endedBy(logout)
  for (const session of ended) {
    if (!deps.session.sessions.revokeHash(session.tokenHash)) continue
    deps.session.audit({
      actor: 'oidc',
      action: 'session.logout',
      subject: session.userId,
      details: { method: 'oidc-backchannel', issuer: logout.issuer, sid: logout.sessionId },
    })
  }
  deps.logger.info({ sessions: ended.length, sid: logout.sessionId }, 'oidc back-channel logout')
  if (ended.length > 0) deps.session.onSessionsChanged()
  res.writeHead(200, { 'cache-control': 'no-store' })
  res.end()
}

/** The user this identity is: linked before, or now by the provider's (not unverified) e-mail address. */
function userFor(deps: OidcApiDeps, identity: ProviderIdentity): User | null {
  const linked = deps.identities.userOf(identity.issuer, identity.subject)
  if (linked !== null) return deps.session.accounts.getUser(linked)
  if (identity.email === null || identity.emailVerified === false) return null
  const found = deps.session.accounts.findUserByEmail(identity.email)
  if (found === null) return null
  if (!found.disabled) deps.identities.link(identity.issuer, identity.subject, found.id)
  return found
}

function backToLogin(res: ServerResponse, reason: ProviderLoginFailure, next: string): void {
  const query = new URLSearchParams({ fout: reason })
  if (next !== '/') query.set('terug', next)
  redirect(res, `/inloggen?${query}`)
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'cache-control': 'no-store' })
  res.end()
}

function setPendingCookie(
  res: ServerResponse,
  req: IncomingMessage,
  deps: OidcApiDeps,
  value: string,
  maxAge: number,
): void {
  res.appendHeader(
    'set-cookie',
    stringifySetCookie({
      name: PENDING_COOKIE,
      value,
      httpOnly: true,
      // Lax: the provider sends the browser back with a top-level GET, which carries a Lax cookie.
      sameSite: 'lax',
      secure: isHttps(req, deps.session.trustProxy),
      path: PENDING_COOKIE_PATH,
      maxAge,
    }),
  )
}
