// Login through the organisation's identity provider (OpenID Connect, authorization code flow with PKCE,
// as the NL GOV profile asks; SSO-Rijk or a province's IdP). Off unless OIDC_ISSUER is set. Read from the
// environment by config.ts (the only reader of process.env); the key file is read when the server starts.

export type OidcClientAuth =
  /** private_key_jwt (the NL GOV profile's choice): the token request is signed with our private key. */
  | { readonly kind: 'private_key_jwt'; readonly keyFile: string; readonly alg: string; readonly keyId: string | null }
  /** client_secret_basic: for an IdP that only issues a secret. */
  | { readonly kind: 'client_secret_basic'; readonly secret: string }

export interface OidcConfig {
  readonly issuer: URL
  readonly clientId: string
  readonly clientAuth: OidcClientAuth
  /** The callback registered at the IdP: https://<host>/api/oidc/callback. */
  readonly redirectUri: URL
  readonly scope: string
  /** The login page's button, e.g. "Inloggen met SSO-Rijk". */
  readonly label: string
}

const DEFAULT_LABEL = 'Inloggen met uw organisatieaccount'
const SIGNING_ALGS = ['RS256', 'PS256', 'ES256']

/** Whether a URL is on this machine: the only place plain http is allowed (a test's identity provider). */
export const isLoopback = (url: URL): boolean => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)

function urlFrom(value: string, name: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${name} must be a URL, got "${value}"`)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new Error(`${name} must use https (plain http only on localhost), got "${value}"`)
  }
  return url
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim()
  if (!value) throw new Error(`${name} is required when OIDC_ISSUER is set`)
  return value
}

export function readOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim()
  if (!issuer) return null
  const keyFile = env.OIDC_PRIVATE_KEY_FILE?.trim()
  const secret = env.OIDC_CLIENT_SECRET?.trim()
  if (keyFile && secret) throw new Error('set OIDC_PRIVATE_KEY_FILE or OIDC_CLIENT_SECRET, not both')
  if (!keyFile && !secret) throw new Error('OIDC_PRIVATE_KEY_FILE (private_key_jwt) or OIDC_CLIENT_SECRET is required')
  const alg = env.OIDC_PRIVATE_KEY_ALG?.trim() || 'RS256'
  if (!SIGNING_ALGS.includes(alg)) throw new Error(`OIDC_PRIVATE_KEY_ALG must be one of ${SIGNING_ALGS.join(', ')}`)
  const redirectUri = urlFrom(required(env, 'OIDC_REDIRECT_URI'), 'OIDC_REDIRECT_URI')
  if (redirectUri.pathname !== '/api/oidc/callback') throw new Error('OIDC_REDIRECT_URI must end in /api/oidc/callback')
  return {
    issuer: urlFrom(issuer, 'OIDC_ISSUER'),
    clientId: required(env, 'OIDC_CLIENT_ID'),
    clientAuth: keyFile
      ? { kind: 'private_key_jwt', keyFile, alg, keyId: env.OIDC_PRIVATE_KEY_ID?.trim() || null }
      : { kind: 'client_secret_basic', secret: secret ?? '' },
    redirectUri,
    scope: env.OIDC_SCOPE?.trim() || 'openid email profile',
    label: env.OIDC_LABEL?.trim() || DEFAULT_LABEL,
  }
}
