// Login through the organisation's identity provider, against a real OpenID Connect provider
// (oidc-provider) and the real server, followed redirect by redirect as a browser does. The provider says
// who someone is; the server decides whether that person is a user here. Everything that goes wrong ends
// on the login page with a reason, and with no session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'
import {
  type IdentityAccount,
  type ServerWithProvider,
  startServerWithProvider,
  type TestIdentityProvider,
} from '../helpers/identityProvider.ts'
import {
  confirmProviderLogout,
  cookieHeader,
  follow,
  type Jar,
  keepCookies,
  whoAmI,
} from '../helpers/providerBrowser.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'

const PROVINCE: IdentityAccount = {
  sub: 'nb-0001',
  email: DEMO.provincieAuteur,
  email_verified: true,
  name: 'P. Auteur',
}

describe('login through the identity provider (private_key_jwt)', () => {
  let running: ServerWithProvider
  let server: RunningServer
  let idp: TestIdentityProvider

  beforeAll(async () => {
    running = await startServerWithProvider({ label: 'Inloggen met SSO-Rijk' })
    ;({ server, idp } = running)
  })

  afterAll(() => running?.stop())

  it('offers the provider on the login page, and logs a known user in, back where they were going', async () => {
    const methods = await fetch(`${server.httpUrl}/api/session/methods`)
    expect(await methods.json()).toEqual({ oidc: { label: 'Inloggen met SSO-Rijk' } })

    idp.nextLogin(PROVINCE)
    const landing = await follow(server, '/api/oidc/login?terug=/document/ontwikkelperspectief-de-peel')
    expect(landing.at).toBe('/document/ontwikkelperspectief-de-peel')
    expect(await whoAmI(server, landing.jar)).toBe(DEMO.provincieAuteur)
    // The pending login is gone once used.
    expect(landing.jar.has('novex_oidc')).toBe(false)
    // The authorization request: code flow with PKCE (S256), state and nonce, to our registered callback.
    const request = idp.requests.at(-1)
    expect(request?.get('response_type')).toBe('code')
    expect(request?.get('code_challenge_method')).toBe('S256')
    expect(request?.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(request?.get('state')?.length).toBeGreaterThanOrEqual(16)
    expect(request?.get('nonce')?.length).toBeGreaterThanOrEqual(16)
    expect(request?.get('redirect_uri')).toBe(`${server.httpUrl}/api/oidc/callback`)
    // The session is an ordinary one: the documents of this user.
    const documents = await fetch(`${server.httpUrl}/api/documents`, { headers: { cookie: cookieHeader(landing.jar) } })
    expect(documents.status).toBe(200)
  })

  it('ends the session at the provider too when the person logs out, and back on the login page', async () => {
    idp.nextLogin(PROVINCE)
    const jar: Jar = new Map()
    expect(await whoAmI(server, (await follow(server, '/api/oidc/login', jar)).jar)).toBe(DEMO.provincieAuteur)
    // Still logged in at the provider: the next login there asks nothing, whoever the test names.
    idp.nextLogin({ ...PROVINCE, sub: 'iemand-anders', email: DEMO.lezer })
    expect(await whoAmI(server, (await follow(server, '/api/oidc/login', jar)).jar)).toBe(DEMO.provincieAuteur)

    const logout = await fetch(`${server.httpUrl}/api/session`, {
      method: 'DELETE',
      headers: { cookie: cookieHeader(jar), origin: server.httpUrl },
    })
    expect(logout.status).toBe(200)
    keepCookies(jar, logout)
    expect(await whoAmI(server, jar)).toBeNull()
    const { providerLogoutUrl } = (await logout.json()) as { providerLogoutUrl: string }
    const endSession = new URL(providerLogoutUrl)
    expect(endSession.origin).toBe(idp.issuer)
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${server.httpUrl}/inloggen`)

    // The provider asks to confirm (its own page), then sends the browser back to our login page.
    expect(await confirmProviderLogout(endSession, jar)).toBe(`${server.httpUrl}/inloggen`)

    // Logged out there as well: the next login asks who it is again.
    expect(await whoAmI(server, (await follow(server, '/api/oidc/login', jar)).jar)).toBe(DEMO.lezer)
  })

  it('logs out a password session as before: 204, nothing at the provider', async () => {
    const cookie = await login(server, DEMO.rijkAuteur)
    const logout = await fetch(`${server.httpUrl}/api/session`, {
      method: 'DELETE',
      headers: { cookie, origin: server.httpUrl },
    })
    expect(logout.status).toBe(204)
  })

  it('finds a linked person by the provider identity, also after their e-mail address changed there', async () => {
    idp.nextLogin({ ...PROVINCE, sub: 'nb-0002', email: DEMO.rijkAuteur })
    expect(await whoAmI(server, (await follow(server, '/api/oidc/login')).jar)).toBe(DEMO.rijkAuteur)
    idp.nextLogin({ ...PROVINCE, sub: 'nb-0002', email: 'nieuw.adres@minienw.example' })
    const landing = await follow(server, '/api/oidc/login')
    expect(landing.at).toBe('/')
    expect(await whoAmI(server, landing.jar)).toBe(DEMO.rijkAuteur)
  })

  it('refuses a person who is not a user here, or whose address the provider calls unverified', async () => {
    idp.nextLogin({ sub: 'x-1', email: 'onbekend@provincie.example', email_verified: true })
    const unknown = await follow(server, '/api/oidc/login?terug=/document/ontwikkelperspectief-de-peel')
    expect(unknown.at).toBe(
      `/inloggen?fout=oidc_unknown_user&terug=${encodeURIComponent('/document/ontwikkelperspectief-de-peel')}`,
    )
    expect(await whoAmI(server, unknown.jar)).toBeNull()

    idp.nextLogin({ sub: 'x-2', email: DEMO.lezer, email_verified: false })
    const unverified = await follow(server, '/api/oidc/login')
    expect(unverified.at).toBe('/inloggen?fout=oidc_unknown_user')
    expect(await whoAmI(server, unverified.jar)).toBeNull()
    // Nor was the unverified identity linked: with a verified address it still has to be found by it.
    idp.nextLogin({ sub: 'x-2', email: 'onbekend@provincie.example', email_verified: true })
    expect((await follow(server, '/api/oidc/login')).at).toBe('/inloggen?fout=oidc_unknown_user')
  })

  it('says so when the person cancels at the provider, or is blocked here', async () => {
    idp.nextLogin('cancel')
    const cancelled = await follow(server, '/api/oidc/login')
    expect(cancelled.at).toBe('/inloggen?fout=oidc_cancelled')
    expect(await whoAmI(server, cancelled.jar)).toBeNull()

    const blocked = await runCli(server, ['user:disable', '--email', DEMO.meelezer])
    expect(blocked.code).toBe(0)
    idp.nextLogin({ sub: 'ws-1', email: DEMO.meelezer, email_verified: true })
    const disabled = await follow(server, '/api/oidc/login')
    expect(disabled.at).toBe('/inloggen?fout=oidc_disabled')
    expect(await whoAmI(server, disabled.jar)).toBeNull()
  })

  it('accepts an answer only once, only in the browser that asked, and only with its own state', async () => {
    // Stop at the callback, to replay and tamper with it.
    idp.nextLogin(PROVINCE)
    const jar: Jar = new Map()
    let url = new URL('/api/oidc/login', server.httpUrl)
    while (url.pathname !== '/api/oidc/callback') {
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } })
      keepCookies(jar, response)
      await response.arrayBuffer()
      url = new URL(response.headers.get('location') ?? '', url)
    }
    const callback = url

    // Another browser (no pending-login cookie) cannot use the code.
    const elsewhere = await follow(server, callback.href)
    expect(elsewhere.at).toBe('/inloggen?fout=oidc_expired')
    expect(await whoAmI(server, elsewhere.jar)).toBeNull()

    // A changed state is refused, and that attempt uses up the pending login.
    const tampered = new URL(callback)
    tampered.searchParams.set('state', 'a'.repeat(43))
    const refused = await follow(server, tampered.href, new Map(jar))
    expect(refused.at).toBe('/inloggen?fout=oidc_failed')
    expect(await whoAmI(server, refused.jar)).toBeNull()

    // The real answer in the right browser works once; the same answer again does not.
    const first = await follow(server, callback.href, new Map(jar))
    expect(first.at).toBe('/')
    expect(await whoAmI(server, first.jar)).toBe(DEMO.provincieAuteur)
    const again = await follow(server, callback.href, new Map(jar))
    expect(again.at).toBe('/inloggen?fout=oidc_failed')
    expect(await whoAmI(server, again.jar)).toBeNull()
  })

  it('never sends anyone to another site after logging in', async () => {
    for (const terug of ['//evil.example/pad', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      idp.nextLogin(PROVINCE)
      const landing = await follow(server, `/api/oidc/login?terug=${encodeURIComponent(terug)}`)
      expect(landing.at).toBe('/')
      expect(await whoAmI(server, landing.jar)).toBe(DEMO.provincieAuteur)
    }
  })
})

describe('login through the identity provider (client secret)', () => {
  it('works with client_secret_basic too', async () => {
    const running = await startServerWithProvider({ clientAuth: 'client_secret_basic' })
    try {
      running.idp.nextLogin(PROVINCE)
      const landing = await follow(running.server, '/api/oidc/login')
      expect(landing.at).toBe('/')
      expect(await whoAmI(running.server, landing.jar)).toBe(DEMO.provincieAuteur)
    } finally {
      await running.stop()
    }
  })
})

describe('without an identity provider', () => {
  it('offers e-mail and password only, and has no provider routes', async () => {
    const server = await startServer()
    try {
      expect(await (await fetch(`${server.httpUrl}/api/session/methods`)).json()).toEqual({ oidc: null })
      const login = await fetch(`${server.httpUrl}/api/oidc/login`, { redirect: 'manual' })
      expect(login.status).toBe(404)
      expect(((await login.json()) as { error: { code: string } }).error.code).toBe('oidc_off')
    } finally {
      await server.stop()
      server.cleanup()
    }
  })
})
