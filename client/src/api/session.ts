// Login, logout and "who am I" (POST / DELETE / GET /api/session). The session itself is an HTTP-only
// cookie; the client never sees the token.
import { isOrganisationKind, type SessionInfo, type SessionUser } from '@novex/shared'
import { ApiError, apiError } from './documents.ts'
import { isRecord, requestJson, sendRequest, serverError } from './request.ts'

/**
 * The logged-in user as the client reads them: the server's session user without `memberships`, which
 * are not read here (each document's answers and sync connection say what the user may do there).
 */
export type ClientSessionUser = Omit<SessionUser, 'memberships'>

/** GET /api/session as the client reads it: the user without memberships, and the idle timeout. */
export interface ClientSessionInfo extends Omit<SessionInfo, 'user'> {
  readonly user: ClientSessionUser
}

/**
 * Why a login failed, for a catalogue text: `invalid-credentials`, `too-many-attempts` (with the
 * minutes to wait, from Retry-After), `unreachable`, or `other` with the server's own message, if any.
 */
export type LoginFailure =
  | { readonly reason: 'invalid-credentials' | 'unreachable' }
  | { readonly reason: 'too-many-attempts'; readonly minutes: number }
  | { readonly reason: 'other'; readonly message: string | null }

export type LoginResult = { readonly ok: true } | ({ readonly ok: false } & LoginFailure)

export async function logIn(email: string, password: string): Promise<LoginResult> {
  let response: Response
  try {
    response = await sendRequest('POST', '/api/session', apiError, { body: { email, password } })
  } catch {
    // Only when the server cannot be reached; any answer, 401 and 429 included, is read below.
    return { ok: false, reason: 'unreachable' }
  }
  if (response.ok) return { ok: true }
  const body: unknown = await response.json().catch(() => null)
  const error = serverError(body)
  if (error.code === 'invalid_credentials') return { ok: false, reason: 'invalid-credentials' }
  if (error.code === 'too_many_attempts') {
    const seconds = Number(response.headers.get('retry-after'))
    return { ok: false, reason: 'too-many-attempts', minutes: Math.max(1, Math.ceil((seconds || 60) / 60)) }
  }
  return { ok: false, reason: 'other', message: error.message }
}

/** How this server lets people log in besides e-mail and password: its identity provider, if any. */
export interface LoginMethods {
  /** The provider's button text (set by the operator, e.g. "Inloggen met SSO-Rijk"); null: none. */
  readonly oidc: { readonly label: string } | null
}

/** The login methods; with no answer, e-mail and password only (that form always works). */
export async function fetchLoginMethods(signal?: AbortSignal): Promise<LoginMethods> {
  try {
    const body = await requestJson('GET', '/api/session/methods', apiError, { signal })
    const oidc = isRecord(body) && isRecord(body.oidc) ? body.oidc : null
    return { oidc: oidc !== null && typeof oidc.label === 'string' ? { label: oidc.label } : null }
  } catch {
    return { oidc: null }
  }
}

/** Where the browser goes to log in at the identity provider, and comes back to `back` after. */
export function providerLoginUrl(back: string): string {
  return back === '/' ? '/api/oidc/login' : `/api/oidc/login?${new URLSearchParams({ terug: back })}`
}

/**
 * Ends the session. For a session that began at the identity provider, the answer says where to go to
 * end the session there too (else a shared computer stays logged in at the provider): that address.
 * Throws an ApiError when the server was not reached or failed: the session may still be live, and the
 * page must not act as if it had ended (the next person at this computer would be logged in).
 */
export async function logOut(): Promise<string | null> {
  const response = await sendRequest('DELETE', '/api/session', apiError)
  // 204: ended; 401: there was no session left to end; 200: ended here, and at the provider next.
  if (response.status === 204 || response.status === 401) return null
  if (response.status !== 200) throw apiError(response.status, 'unexpected', '')
  const body: unknown = await response.json().catch(() => null)
  return isRecord(body) && typeof body.providerLogoutUrl === 'string' ? body.providerLogoutUrl : null
}

/** The logged-in user and the idle timeout; throws ApiError(401) when there is no live session. */
export async function fetchSessionInfo(signal?: AbortSignal): Promise<ClientSessionInfo> {
  const body = await requestJson('GET', '/api/session', apiError, { signal })
  const user = parseUser(isRecord(body) ? body.user : null)
  if (!user) throw new ApiError(500, 'Onverwacht antwoord van de server.', 'unexpected')
  const idle = isRecord(body) ? body.idleSeconds : null
  return { user, idleSeconds: typeof idle === 'number' && idle > 0 ? idle : 0 }
}

/** The logged-in user; throws ApiError(401) when there is no live session. */
export async function fetchSession(signal?: AbortSignal): Promise<ClientSessionUser> {
  return (await fetchSessionInfo(signal)).user
}

/** Tells the server the user works (the idle time starts again). The HTTP status; 0 when unreachable. */
export async function reportActivity(): Promise<number> {
  try {
    return (await sendRequest('POST', '/api/session/activity', apiError)).status
  } catch {
    return 0
  }
}

function parseUser(value: unknown): ClientSessionUser | null {
  if (!isRecord(value) || !isRecord(value.organisation)) return null
  const { id, email, name } = value
  const org = value.organisation
  if (typeof id !== 'string' || typeof email !== 'string' || typeof name !== 'string') return null
  if (typeof org.id !== 'string' || typeof org.name !== 'string' || !isOrganisationKind(org.kind)) return null
  return { id, email, name, organisation: { id: org.id, name: org.name, kind: org.kind } }
}
