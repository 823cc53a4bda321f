// Logging out at the identity provider ends the session here too (OpenID Connect Back-Channel Logout):
// someone who logs out of SSO-Rijk in another application, or whose session there is ended by an
// administrator, is logged out of the editor at once, and the documents they had open close. Against a
// real provider (oidc-provider) that posts its signed logout token to the real server; forged tokens,
// posted straight to the server, end nothing.
import { CloseCode } from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import {
  type IdentityAccount,
  type ServerWithProvider,
  startServerWithProvider,
  type TestIdentityProvider,
} from '../helpers/identityProvider.ts'
import { confirmProviderLogout, cookieHeader, follow, type Jar, whoAmI } from '../helpers/providerBrowser.ts'
import type { RunningServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

const LOGOUT_EVENT = { 'http://schemas.openid.net/event/backchannel-logout': {} }

let running: ServerWithProvider
let server: RunningServer
let idp: TestIdentityProvider
const clients: TestClient[] = []

beforeAll(async () => {
  running = await startServerWithProvider()
  ;({ server, idp } = running)
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await running?.stop()
})

/** A browser of its own that logged in at the provider as `account`. */
async function loggedIn(account: IdentityAccount): Promise<Jar> {
  idp.nextLogin(account)
  const landing = await follow(server, '/api/oidc/login')
  expect(await whoAmI(server, landing.jar)).toBe(account.email)
  return landing.jar
}

function postLogout(body: BodyInit, contentType = 'application/x-www-form-urlencoded'): Promise<Response> {
  return fetch(`${server.httpUrl}/api/oidc/backchannel-logout`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  })
}

describe('logging out at the identity provider', () => {
  it('ends the session here that began there and closes its open document, within two seconds', async () => {
    const account = { sub: 'nb-bcl-1', email: DEMO.provincieAuteur, email_verified: true }
    const jar = await loggedIn(account)
    // The same person also logged in here with a password, in another browser: that session stays.
    const passwordCookie = await login(server, DEMO.provincieAuteur)

    const client = connectClient(server, DE_PEEL, { cookie: cookieHeader(jar) })
    clients.push(client)
    await client.synced()
    const closes: number[] = []
    client.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code)
    })

    const sent = idp.backChannelLogouts.length
    const loggedOutAt = Date.now()
    // At the provider's own page, as from another application: no id_token_hint, nothing from us.
    await confirmProviderLogout(idp.endSessionUrl, jar)
    expect(idp.backChannelLogouts.slice(sent)).toEqual([{ delivered: true, sid: expect.any(String) }])

    expect(await whoAmI(server, jar)).toBeNull()
    await waitFor(() => closes.length > 0, { timeout: 5_000, message: 'document closed after provider logout' })
    expect(Date.now() - loggedOutAt).toBeLessThan(2_000)
    expect(closes[0]).toBe(CloseCode.unauthenticated)
    const password = await fetch(`${server.httpUrl}/api/session`, { headers: { cookie: passwordCookie } })
    expect(password.status).toBe(200)
  })

  it('ends only the session that ended at the provider, not the same person in another browser', async () => {
    const account = { sub: 'nb-bcl-2', email: DEMO.rijkAuteur, email_verified: true }
    const office = await loggedIn(account)
    const laptop = await loggedIn(account)
    await confirmProviderLogout(idp.endSessionUrl, office)
    expect(await whoAmI(server, office)).toBeNull()
    expect(await whoAmI(server, laptop)).toBe(DEMO.rijkAuteur)
  })

  it('ends every session of a person when the provider names only the person', async () => {
    const account = { sub: 'nb-bcl-3', email: DEMO.meelezer, email_verified: true }
    const office = await loggedIn(account)
    const laptop = await loggedIn(account)
    const token = await idp.signLogoutToken({ sub: account.sub, jti: 'bcl-3', events: LOGOUT_EVENT })
    const response = await postLogout(new URLSearchParams({ logout_token: token }))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await whoAmI(server, office)).toBeNull()
    expect(await whoAmI(server, laptop)).toBeNull()
    // A second message for sessions that already ended is fine: 200, nothing more to do.
    expect((await postLogout(new URLSearchParams({ logout_token: token }))).status).toBe(200)
  })

  it('ends nothing for a token that is not the provider’s logout token', async () => {
    const account = { sub: 'nb-bcl-4', email: DEMO.lezer, email_verified: true }
    const jar = await loggedIn(account)
    const claims = { sub: account.sub, jti: 'bcl-4', events: LOGOUT_EVENT }
    const valid = await idp.signLogoutToken(claims)
    const [header, payload] = valid.split('.')
    const refusals = [
      // Someone else's claims under the provider's signature.
      postLogout(
        new URLSearchParams({
          logout_token: `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'x' })).toString('base64url')}.${valid.split('.')[2]}`,
        }),
      ),
      // An ID token passed off as a logout token (it carries a nonce), and one without the logout event.
      postLogout(new URLSearchParams({ logout_token: await idp.signLogoutToken({ ...claims, nonce: 'abc' }) })),
      postLogout(new URLSearchParams({ logout_token: await idp.signLogoutToken({ sub: account.sub, jti: 'x' }) })),
      // Unsigned.
      postLogout(
        new URLSearchParams({
          logout_token: `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`,
        }),
      ),
      // Not a form, or no token at all.
      postLogout(JSON.stringify({ logout_token: valid }), 'application/json'),
      postLogout(new URLSearchParams({ token: valid })),
    ]
    for (const response of await Promise.all(refusals)) {
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_request')
    }
    expect(await whoAmI(server, jar)).toBe(DEMO.lezer)
    const get = await fetch(`${server.httpUrl}/api/oidc/backchannel-logout`)
    expect(get.status).toBe(405)
  })
})
