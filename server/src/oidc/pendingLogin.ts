// What the browser carries while it is away at the identity provider: state, nonce, the PKCE verifier and
// where the person was going, in a short-lived HttpOnly cookie scoped to /api/oidc. Nothing is kept on the
// server, so a login survives a restart and works behind several instances. The cookie is the browser's
// own secret: changing it gains nothing, because the provider's answer must match its state and the code
// must match its verifier.
import { safeReturnPath } from '@novex/shared'
import { z } from 'zod'
import type { PendingLogin } from './relyingParty.ts'

export const PENDING_COOKIE = 'novex_oidc'
export const PENDING_COOKIE_PATH = '/api/oidc'
/** Ten minutes to log in at the provider. */
export const PENDING_MAX_AGE_SECONDS = 600

const Pending = z.object({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  verifier: z.string().min(43).max(128),
  next: z.string().max(2000),
})

export function encodePending(pending: PendingLogin): string {
  return Buffer.from(JSON.stringify(pending)).toString('base64url')
}

/** The pending login in the cookie, or null when it is missing, expired (gone) or not ours. */
export function decodePending(value: string | undefined): PendingLogin | null {
  if (value === undefined || value.length > 4000) return null
  try {
    const parsed = Pending.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')))
    return parsed.success ? { ...parsed.data, next: safeReturnPath(parsed.data.next) } : null
  } catch {
    return null
  }
}
