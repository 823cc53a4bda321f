// A real OpenID Connect provider for tests: oidc-provider (the certified OP library by the author of
// openid-client), on a port of its own on 127.0.0.1. Our server is its one client, registered with
// private_key_jwt (the NL GOV profile) or a client secret, and PKCE required. Instead of a login form it
// logs in whoever the test says comes next (`nextLogin`), or lets that person cancel; consent is given at
// once. It keeps the claims in the ID token as the standard says (email only from userinfo), as SSO
// providers often do, so the relying party's userinfo path is exercised too. Back-channel logout is on:
// when a session at the provider ends, it posts a signed logout token to our server.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { type AddressInfo, createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importJWK, type JWTPayload, SignJWT } from 'jose'
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider'
import { type RunningServer, startServer } from './server.ts'

export interface IdentityAccount {
  readonly sub: string
  readonly email?: string
  readonly email_verified?: boolean
  readonly name?: string
}

export interface TestIdentityProvider {
  readonly issuer: string
  readonly clientId: string
  /** The environment that makes our server use this provider. */
  readonly serverEnv: Readonly<Record<string, string>>
  /** Who logs in at the next authorization request, or 'cancel': the person stops at the provider. */
  nextLogin(account: IdentityAccount | 'cancel'): void
  /** The authorization requests seen, as sent by our server. */
  readonly requests: URLSearchParams[]
  /** Each back-channel logout the provider sent to our server: whether our server answered 200. */
  readonly backChannelLogouts: { readonly delivered: boolean; readonly sid: string }[]
  /** Where the provider's own logout page is (without id_token_hint: as if from another application). */
  readonly endSessionUrl: URL
  /** A logout token as this provider signs them, with these claims (iss, aud and iat are filled in). */
  signLogoutToken(claims: JWTPayload): Promise<string>
  close(): Promise<void>
}

export interface IdentityProviderOptions {
  /** Our server's address (its callback is `${appUrl}/api/oidc/callback`). */
  readonly appUrl: string
  readonly clientAuth?: 'private_key_jwt' | 'client_secret_basic'
  readonly label?: string
}

export async function startIdentityProvider(options: IdentityProviderOptions): Promise<TestIdentityProvider> {
  const http = createServer()
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  const clientId = 'novex-editor'
  const redirectUri = `${options.appUrl}/api/oidc/callback`
  const auth = options.clientAuth ?? 'private_key_jwt'

  const keyDir = mkdtempSync(join(tmpdir(), 'novex-oidc-'))
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const keyFile = join(keyDir, 'client-key.pem')
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }))
  const secret = randomBytes(24).toString('base64url')
  // The provider's own signing key (without one, oidc-provider signs with its published development keys).
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })
  const signingKey = await importJWK({ ...signing, alg: 'RS256' }, 'RS256')
  const client: ClientMetadata =
    auth === 'private_key_jwt'
      ? {
          client_id: clientId,
          token_endpoint_auth_method: 'private_key_jwt',
          token_endpoint_auth_signing_alg: 'RS256',
          jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' }] },
        }
      : { client_id: clientId, token_endpoint_auth_method: 'client_secret_basic', client_secret: secret }

  const accounts = new Map<string, IdentityAccount>()
  let next: IdentityAccount | 'cancel' | null = null
  const requests: URLSearchParams[] = []
  const configuration: Configuration = {
    clients: [
      {
        ...client,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [`${options.appUrl}/inloggen`],
        backchannel_logout_uri: `${options.appUrl}/api/oidc/backchannel-logout`,
        backchannel_logout_session_required: true,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id)
      return account === undefined ? undefined : { accountId: id, claims: () => ({ ...account }) }
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      // The provider's "log out here too?" page, without the default's web font (no Internet here).
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = `<!DOCTYPE html><html lang="nl"><title>Uitloggen</title><h1>Ook hier uitloggen?</h1>${form}
            <button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, uitloggen</button></html>`
        },
        // Where a logout without a way back ends (one started at the provider itself).
        postLogoutSuccessSource: (ctx) => {
          ctx.body = '<!DOCTYPE html><html lang="nl"><title>Uitgelogd</title><h1>U bent uitgelogd</h1></html>'
        },
      },
    },
    // Our server is on 127.0.0.1, which the provider's outgoing requests refuse by default (its guard against
    // server-side request forgery): the back-channel logout goes out with plain fetch here.
    fetch: (url, options) => {
      const { dispatcher: _guarded, ...plain } = options as RequestInit & { dispatcher?: unknown }
      return globalThis.fetch(url, plain)
    },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    jwks: { keys: [{ ...signing, alg: 'RS256', use: 'sig', kid: 'test-op' }] },
  }
  const provider = new Provider(issuer, configuration)
  const backChannelLogouts: { delivered: boolean; sid: string }[] = []
  provider.on('backchannel.success', (_ctx, _client, _accountId, sid: string) => {
    backChannelLogouts.push({ delivered: true, sid })
  })
  provider.on('backchannel.error', (_ctx, _error, _client, _accountId, sid: string) => {
    backChannelLogouts.push({ delivered: false, sid })
  })

  http.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer)
    if (url.pathname === '/auth') requests.push(url.searchParams)
    if (!url.pathname.startsWith('/interaction/')) {
      void provider.callback()(req, res)
      return
    }
    void (async () => {
      const details = await provider.interactionDetails(req, res)
      const who = next
      if (who === null || who === 'cancel') {
        await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'De gebruiker heeft het inloggen afgebroken.' },
          { mergeWithLastSubmission: false },
        )
        return
      }
      if (details.prompt.name === 'login') {
        accounts.set(who.sub, who)
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: who.sub } },
          { mergeWithLastSubmission: false },
        )
        return
      }
      const grant = new provider.Grant({ accountId: who.sub, clientId })
      grant.addOIDCScope(String(details.params.scope ?? 'openid'))
      const grantId = await grant.save()
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true })
    })().catch((error: unknown) => {
      res.writeHead(500)
      res.end(String(error))
    })
  })

  return {
    issuer,
    clientId,
    requests,
    backChannelLogouts,
    endSessionUrl: new URL('/session/end', issuer),
    signLogoutToken: (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-op', typ: 'logout+jwt' })
        .setIssuer(issuer)
        .setAudience(clientId)
        .setIssuedAt()
        .sign(signingKey),
    serverEnv: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_REDIRECT_URI: redirectUri,
      ...(auth === 'private_key_jwt' ? { OIDC_PRIVATE_KEY_FILE: keyFile } : { OIDC_CLIENT_SECRET: secret }),
      ...(options.label ? { OIDC_LABEL: options.label } : {}),
    },
    nextLogin(account) {
      next = account
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections()
        http.close(() => resolve())
      }),
  }
}

/** A free port for our server, so that the provider knows its callback before the server starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject()))
    })
  })
}

export interface ServerWithProvider {
  readonly server: RunningServer
  readonly idp: TestIdentityProvider
  /** Stops the server, removes its data and stops the provider. */
  stop(): Promise<void>
}

/** Our server with a fresh data directory, using a provider of its own (started first, on its callback). */
export async function startServerWithProvider(
  options: Omit<IdentityProviderOptions, 'appUrl'> = {},
): Promise<ServerWithProvider> {
  const port = await freePort()
  const idp = await startIdentityProvider({ ...options, appUrl: `http://127.0.0.1:${port}` })
  const server = await startServer({ env: { PORT: String(port), ...idp.serverEnv } }).catch(async (error: unknown) => {
    await idp.close()
    throw error
  })
  return {
    server,
    idp,
    async stop() {
      await server.stop()
      server.cleanup()
      await idp.close()
    },
  }
}
