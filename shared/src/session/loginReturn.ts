// What travels between the server's login routes and the login page: the path to go back to after
// logging in (`?terug=`), and why a login through the identity provider came back without a session
// (`?fout=`). One rule and one list for both sides.

/** The reasons the server sends the login page back with (`/inloggen?fout=…`); the page says each in words. */
export const PROVIDER_LOGIN_FAILURES = [
  'oidc_cancelled',
  'oidc_failed',
  'oidc_unknown_user',
  'oidc_disabled',
  'oidc_expired',
] as const
export type ProviderLoginFailure = (typeof PROVIDER_LOGIN_FAILURES)[number]

export const isProviderLoginFailure = (value: unknown): value is ProviderLoginFailure =>
  PROVIDER_LOGIN_FAILURES.some((reason) => reason === value)

/**
 * A path of this editor to go to after logging in; anything else (another site, `//host`, `/\host`, a
 * control character that could split a header) is the start page.
 */
export function safeReturnPath(path: string | null | undefined): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return '/'
  return [...path].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) ? '/' : path
}
