// The identity provider's word that a session there has ended (OpenID Connect Back-Channel Logout 1.0,
// section 2.6): a signed JWT, checked here as the standard says before any session is ended. Its
// signature and `iss`, `aud` and `iat` as for an ID token (jose, with the provider's published keys);
// the back-channel logout event; a subject or a provider session id (`sid`) to end; no `nonce` (so an ID
// token cannot be passed off as a logout token). openid-client has no helper for this.
import { type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose'

export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout'

/** Which sessions at which provider ended: by its session id, by its subject, or both. */
export interface ProviderLogout {
  readonly issuer: string
  readonly subject: string | null
  readonly sessionId: string | null
}

/** A logout token that is not one: the request is refused (400) and nothing ends. */
export class LogoutTokenError extends Error {}

export interface LogoutTokenCheck {
  /** The provider's signing keys (its jwks_uri). */
  readonly keys: JWTVerifyGetKey
  readonly issuer: string
  readonly clientId: string
  /** Signature algorithms accepted: the provider's ID token algorithms, never `none` or a shared secret. */
  readonly algorithms: readonly string[]
  readonly now?: Date
}

/** A token older than this is refused; the provider sends it the moment the session ends. */
const MAX_AGE_SECONDS = 10 * 60
const CLOCK_TOLERANCE_SECONDS = 60

export async function verifyLogoutToken(token: string, check: LogoutTokenCheck): Promise<ProviderLogout> {
  let payload: JWTPayload
  try {
    const verified = await jwtVerify(token, check.keys, {
      issuer: check.issuer,
      audience: check.clientId,
      algorithms: [...check.algorithms],
      requiredClaims: ['iat', 'jti', 'events'],
      maxTokenAge: MAX_AGE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      ...(check.now ? { currentDate: check.now } : {}),
    })
    payload = verified.payload
    const typ = verified.protectedHeader.typ?.toLowerCase().replace(/^application\//, '')
    if (typ !== undefined && typ !== 'logout+jwt' && typ !== 'jwt') throw new LogoutTokenError(`typ ${typ}`)
  } catch (error) {
    if (error instanceof LogoutTokenError) throw error
    throw new LogoutTokenError(error instanceof Error ? error.message : String(error))
  }
  const events = payload.events
  const event =
    typeof events === 'object' && events !== null ? (events as Record<string, unknown>)[BACKCHANNEL_LOGOUT_EVENT] : null
  if (typeof event !== 'object' || event === null) throw new LogoutTokenError('no back-channel logout event')
  if ('nonce' in payload) throw new LogoutTokenError('a logout token has no nonce')
  const subject = typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : null
  const sessionId = typeof payload.sid === 'string' && payload.sid !== '' ? payload.sid : null
  if (subject === null && sessionId === null) throw new LogoutTokenError('neither sub nor sid')
  return { issuer: check.issuer, subject, sessionId }
}
