// This server as an OpenID Connect relying party, with openid-client (the certified RP library for
// Node): the authorization code flow with PKCE (S256), state and nonce, and private_key_jwt or a client
// secret at the token endpoint. The provider's metadata is discovered on the first login, not at start-up,
// so an identity provider that is down does not stop the editor (password login keeps working); a failed
// discovery is tried again on the next login.
import { readFileSync } from 'node:fs'
import { createRemoteJWKSet, importPKCS8, type JWTVerifyGetKey } from 'jose'
import * as client from 'openid-client'
import { type ProviderLogout, verifyLogoutToken } from './logoutToken.ts'
import { isLoopback, type OidcConfig } from './oidcConfig.ts'

/** What the browser carries between leaving for the provider and coming back (pendingLogin.ts). */
export interface PendingLogin {
  readonly state: string
  readonly nonce: string
  readonly verifier: string
  /** Where in the editor the person was going: a path on this server. */
  readonly next: string
}

/** Who the provider says logged in. */
export interface ProviderIdentity {
  readonly issuer: string
  readonly subject: string
  readonly email: string | null
  /** The provider's email_verified claim; null when it sends none. */
  readonly emailVerified: boolean | null
  /** The provider's session id (`sid`), which a back-channel logout names; null when it sends none. */
  readonly sessionId: string | null
  /** The ID token itself, for ending the provider's session at logout (id_token_hint). */
  readonly idToken: string
}

/** Why a login through the provider did not finish: the person stopped it, or something failed. */
export class ProviderLoginError extends Error {
  constructor(
    readonly reason: 'cancelled' | 'failed',
    message: string,
  ) {
    super(message)
  }
}

export interface RelyingParty {
  readonly label: string
  start(next: string): Promise<{ readonly url: URL; readonly pending: PendingLogin }>
  /** Checks the provider's answer (the callback's query) against what was sent, and redeems the code. */
  finish(callbackQuery: string, pending: PendingLogin): Promise<ProviderIdentity>
  /**
   * Where to send the browser to end its session at the provider too, and come back to our login page;
   * null when the provider has no end_session_endpoint (or cannot be reached: logging out here goes on).
   */
  logoutUrl(idToken: string): Promise<URL | null>
  /**
   * Checks a back-channel logout token (logoutToken.ts) with the provider's published keys: which of its
   * sessions ended. Throws LogoutTokenError for a token that is not valid, and another error when the
   * provider's metadata or keys cannot be fetched.
   */
  verifyLogout(logoutToken: string): Promise<ProviderLogout>
}

const DISCOVERY_TIMEOUT_SECONDS = 10
/** Signature algorithms for ID and logout tokens when the provider lists none (the standard's default). */
const DEFAULT_ID_TOKEN_ALGORITHMS = ['RS256']

export function createRelyingParty(config: OidcConfig): RelyingParty {
  // Read now, so a missing or unreadable key stops the server at start with a clear message.
  const keyPem = config.clientAuth.kind === 'private_key_jwt' ? readFileSync(config.clientAuth.keyFile, 'utf8') : null
  let discovered: Promise<client.Configuration> | null = null
  let providerKeys: JWTVerifyGetKey | null = null

  const clientAuth = async (): Promise<client.ClientAuth> => {
    if (config.clientAuth.kind === 'client_secret_basic') return client.ClientSecretBasic(config.clientAuth.secret)
    const key = await importPKCS8(keyPem ?? '', config.clientAuth.alg)
    return client.PrivateKeyJwt(config.clientAuth.keyId === null ? key : { key, kid: config.clientAuth.keyId })
  }

  const configuration = (): Promise<client.Configuration> => {
    discovered ??= (async () => {
      // Plain http only for a provider on this machine (oidcConfig.ts refuses it elsewhere).
      const insecure = config.issuer.protocol === 'http:' && isLoopback(config.issuer)
      return client.discovery(config.issuer, config.clientId, undefined, await clientAuth(), {
        timeout: DISCOVERY_TIMEOUT_SECONDS,
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      })
    })()
    discovered.catch(() => {
      discovered = null
    })
    return discovered
  }

  return {
    label: config.label,
    async start(next) {
      let provider: client.Configuration
      try {
        provider = await configuration()
      } catch (error) {
        throw new ProviderLoginError('failed', `discovery failed: ${String(error)}`)
      }
      const pending: PendingLogin = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        next,
      }
      const url = client.buildAuthorizationUrl(provider, {
        redirect_uri: config.redirectUri.href,
        scope: config.scope,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      })
      return { url, pending }
    },
    async finish(callbackQuery, pending) {
      // The callback as registered (not as the proxy in front passed it on), with the provider's answer.
      const current = new URL(config.redirectUri)
      current.search = callbackQuery
      try {
        const provider = await configuration()
        const tokens = await client.authorizationCodeGrant(provider, current, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        })
        const claims = tokens.claims()
        if (claims === undefined || tokens.id_token === undefined) throw new Error('no ID token')
        // Many providers keep the ID token small and give the e-mail address only at userinfo (as the
        // standard's scope claims allow); the subject there must be the ID token's.
        const mail =
          typeof claims.email === 'string'
            ? claims
            : await client.fetchUserInfo(provider, tokens.access_token, claims.sub)
        return {
          issuer: claims.iss,
          subject: claims.sub,
          email: typeof mail.email === 'string' ? mail.email.trim().toLowerCase() : null,
          emailVerified: typeof mail.email_verified === 'boolean' ? mail.email_verified : null,
          sessionId: typeof claims.sid === 'string' && claims.sid !== '' ? claims.sid : null,
          idToken: tokens.id_token,
        }
      } catch (error) {
        if (error instanceof client.AuthorizationResponseError && error.error === 'access_denied') {
          throw new ProviderLoginError('cancelled', error.message)
        }
        throw new ProviderLoginError('failed', String(error))
      }
    },
    async logoutUrl(idToken) {
      try {
        const provider = await configuration()
        if (provider.serverMetadata().end_session_endpoint === undefined) return null
        return client.buildEndSessionUrl(provider, {
          id_token_hint: idToken,
          post_logout_redirect_uri: new URL('/inloggen', config.redirectUri).href,
        })
      } catch {
        return null
      }
    },
    async verifyLogout(logoutToken) {
      const metadata = (await configuration()).serverMetadata()
      if (metadata.jwks_uri === undefined) throw new Error('the provider publishes no jwks_uri')
      // jose fetches the key set once and again when a token names a key it does not know (key rotation).
      providerKeys ??= createRemoteJWKSet(new URL(metadata.jwks_uri))
      const algorithms = (metadata.id_token_signing_alg_values_supported ?? DEFAULT_ID_TOKEN_ALGORITHMS).filter(
        (alg) => alg !== 'none' && !alg.startsWith('HS'),
      )
      return verifyLogoutToken(logoutToken, {
        keys: providerKeys,
        issuer: metadata.issuer,
        clientId: config.clientId,
        algorithms,
      })
    },
  }
}
