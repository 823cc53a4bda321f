// HTTPS as the browser sees it: the session cookie is Secure and the answer carries HSTS when the request
// came over HTTPS. Behind a reverse proxy that terminates TLS the server trusts X-Forwarded-Proto only
// with TRUST_PROXY=1; without it, anyone could send that header, so it changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, DEMO_PASSWORD } from '../helpers/session.ts'

let proxied: RunningServer
let direct: RunningServer

beforeAll(async () => {
  ;[proxied, direct] = await Promise.all([startServer({ env: { TRUST_PROXY: '1' } }), startServer()])
})

afterAll(async () => {
  for (const server of [proxied, direct]) {
    await server?.stop()
    server?.cleanup()
  }
})

/** Logs in as the Rijk author with the given headers; the answer's HSTS header and cookie. */
async function loginThrough(server: RunningServer, headers: Record<string, string>) {
  const res = await fetch(`${server.httpUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: DEMO.rijkAuteur, password: DEMO_PASSWORD }),
  })
  expect(res.status).toBe(200)
  return { hsts: res.headers.get('strict-transport-security'), cookie: res.headers.get('set-cookie') ?? '' }
}

describe('behind a trusted proxy (TRUST_PROXY=1)', () => {
  it('sends HSTS and a Secure cookie when the proxy says the request came over HTTPS', async () => {
    const { hsts, cookie } = await loginThrough(proxied, { 'x-forwarded-proto': 'https' })
    expect(hsts).toBe('max-age=31536000; includeSubDomains')
    expect(cookie).toMatch(/;\s*Secure/i)
    for (const path of ['/', '/healthz', '/api/documents']) {
      const res = await fetch(`${proxied.httpUrl}${path}`, { headers: { 'x-forwarded-proto': 'https' } })
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    }
  })

  it('sends neither for plain HTTP', async () => {
    const { hsts, cookie } = await loginThrough(proxied, { 'x-forwarded-proto': 'http' })
    expect(hsts).toBeNull()
    expect(cookie).not.toMatch(/Secure/i)
  })
})

describe('without a trusted proxy', () => {
  it('ignores a forged X-Forwarded-Proto', async () => {
    const { hsts, cookie } = await loginThrough(direct, { 'x-forwarded-proto': 'https' })
    expect(hsts).toBeNull()
    expect(cookie).not.toMatch(/Secure/i)
  })
})
