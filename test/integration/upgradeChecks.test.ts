// Every path into a document passes the server's checks at the HTTP upgrade, before a socket exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DE_PEEL } from '../helpers/documents.ts'
import { openRaw } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'

let server: RunningServer
let expiring: RunningServer

beforeAll(async () => {
  ;[server, expiring] = await Promise.all([startServer(), startServer({ env: { SESSION_TTL_MINUTES: '0' } })])
})

afterAll(async () => {
  for (const s of [server, expiring]) {
    await s.stop()
    s.cleanup()
  }
})

async function expectRefused(url: string, headers: Record<string, string>, status: number): Promise<void> {
  const outcome = await openRaw(url, headers)
  expect(outcome.kind).toBe('refused')
  if (outcome.kind === 'refused') {
    expect(outcome.status).toBe(status)
    const body: unknown = JSON.parse(outcome.body)
    expect(body).toMatchObject({ error: { code: String(status) } })
    // No document content in a refusal.
    expect(outcome.body).not.toContain('hoofdopgave')
  }
}

describe('upgrade checks', () => {
  it('refuses a missing cookie with 401', async () => {
    await expectRefused(`${server.wsUrl}/${DE_PEEL}`, {}, 401)
  })

  it('refuses a forged cookie with 401', async () => {
    await expectRefused(`${server.wsUrl}/${DE_PEEL}`, { cookie: 'novex_session=dit-is-geen-echte-sessie' }, 401)
  })

  it('refuses an expired session with 401', async () => {
    const cookie = await login(expiring, DEMO.rijkAuteur)
    await expectRefused(`${expiring.wsUrl}/${DE_PEEL}`, { cookie }, 401)
  })

  it('refuses a logged-out session with 401', async () => {
    const cookie = await login(server, DEMO.rijkAuteur)
    const res = await fetch(`${server.httpUrl}/api/session`, { method: 'DELETE', headers: { cookie } })
    expect(res.status).toBe(204)
    await expectRefused(`${server.wsUrl}/${DE_PEEL}`, { cookie }, 401)
  })

  it('refuses a valid cookie from a foreign Origin with 403', async () => {
    const cookie = await login(server, DEMO.rijkAuteur)
    await expectRefused(`${server.wsUrl}/${DE_PEEL}`, { cookie, origin: 'https://evil.example' }, 403)
    // The same cookie from the app's own origin is let in.
    const ok = await openRaw(`${server.wsUrl}/${DE_PEEL}`, { cookie, origin: server.httpUrl })
    expect(ok.kind).toBe('open')
    if (ok.kind === 'open') ok.socket.close()
  })

  it('refuses a user without a right on the document with 403', async () => {
    const cookie = await login(server, DEMO.rijkAuteur)
    await expectRefused(`${server.wsUrl}/ontwikkelperspectief-zuid-limburg`, { cookie }, 403)
  })
})
