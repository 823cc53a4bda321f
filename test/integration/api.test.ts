// The HTTP API: login, sessions, rate limits, access-filtered documents, one error shape, headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, DEMO_PASSWORD, login } from '../helpers/session.ts'

let server: RunningServer
/** Logged in before the rate-limit tests use up this IP's failures. */
let lezerCookie: string

beforeAll(async () => {
  server = await startServer({ env: { LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '8' } })
  lezerCookie = await login(server, DEMO.lezer)
})

afterAll(async () => {
  await server.stop()
  server.cleanup()
})

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.httpUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie on login', async () => {
    const res = await post({ email: DEMO.rijkAuteur, password: DEMO_PASSWORD })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^novex_session=/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).not.toContain('Secure')
    const body = (await res.json()) as { user: { name: string; organisation: { kind: string } } }
    expect(body.user.name).toBe('Anne de Vries')
    expect(body.user.organisation.kind).toBe('rijk')
  })

  it('answers bad credentials with 401 and a Dutch message in the one error shape', async () => {
    const res = await post({ email: DEMO.provincieAuteur, password: 'fout' })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Het e-mailadres of het wachtwoord klopt niet.' },
    })
  })

  it('rejects malformed bodies without leaking a stack trace', async () => {
    const bad = await post('{"email": ', {})
    expect(bad.status).toBe(400)
    const text = await bad.text()
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'invalid_json' } })
    expect(text).not.toMatch(/at .*\.ts:\d+/)
    const wrongShape = await post({ email: 42 })
    expect(wrongShape.status).toBe(400)
    expect(await wrongShape.json()).toMatchObject({ error: { code: 'invalid_input' } })
  })

  it('rate-limits failed logins per account, also for the right password, without touching other accounts', async () => {
    for (let i = 0; i < 3; i++) expect((await post({ email: DEMO.meelezer, password: `fout${i}` })).status).toBe(401)
    const blocked = await post({ email: DEMO.meelezer, password: DEMO_PASSWORD })
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(/Te veel mislukte/)
    expect((await post({ email: DEMO.lezer, password: DEMO_PASSWORD })).status).toBe(200)
  })

  it('rate-limits failed logins per IP across accounts', async () => {
    // The earlier tests spent 4 of the 8 failures this IP may have; unknown accounts count too.
    let status = 0
    for (let i = 0; i < 6 && status !== 429; i++) {
      status = (await post({ email: `onbekend${i}@novex.example`, password: 'x' })).status
    }
    expect(status).toBe(429)
    expect((await post({ email: DEMO.rijkOndertekenaar, password: DEMO_PASSWORD })).status).toBe(429)
  })
})

describe('documents API', () => {
  it('requires a session', async () => {
    const res = await fetch(`${server.httpUrl}/api/documents`)
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } })
  })

  it('lists only the documents the user may open, with the right access', async () => {
    const cookie = lezerCookie
    const res = await fetch(`${server.httpUrl}/api/documents`, { headers: { cookie } })
    const docs = (await res.json()) as { id: string; kind: string; access: string; areaId?: string }[]
    expect(docs.map((d) => d.id).sort()).toEqual(['ontwikkelperspectief-de-peel', 'ruimtelijk-voorstel-noord-brabant'])
    expect(docs.every((d) => d.access === 'read')).toBe(true)
    expect(docs.every((d) => (d as { available?: unknown }).available === true)).toBe(true)
    expect(docs.find((d) => d.kind === 'ontwikkelperspectief')?.areaId).toBe('de-peel')
    const hidden = await fetch(`${server.httpUrl}/api/documents/ontwikkelperspectief-zuid-limburg`, {
      headers: { cookie },
    })
    expect(hidden.status).toBe(404)
    const open = await fetch(`${server.httpUrl}/api/documents/ontwikkelperspectief-de-peel`, { headers: { cookie } })
    // A document the server can load says so; a quarantined one says `available: false` (faults suite).
    expect(await open.json()).toMatchObject({ id: 'ontwikkelperspectief-de-peel', access: 'read', available: true })
  })

  it('sets the security headers on every response', async () => {
    for (const path of ['/api/documents', '/healthz', '/']) {
      const res = await fetch(`${server.httpUrl}${path}`)
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('same-origin')
    }
  })

  it('refuses state-changing requests from a foreign Origin', async () => {
    const res = await post({ email: DEMO.rijkAuteur, password: DEMO_PASSWORD }, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
  })
})
