// The idle timeout (SESSION_IDLE_SECONDS, BIO): a session nobody worked in for that long has ended,
// for the API, for a reconnect and for the connections it has open; the page's activity signal
// (POST /api/session/activity) starts the idle time again. Requests a page makes by itself do not.
import { CloseCode } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connectClient } from '../helpers/client.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { openRaw } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

const IDLE_SECONDS = 3
let server: RunningServer

beforeAll(async () => {
  server = await startServer({ env: { SESSION_IDLE_SECONDS: String(IDLE_SECONDS) } })
})

afterAll(async () => {
  await server.stop()
  server.cleanup()
})

const whoAmI = (cookie: string): Promise<Response> => fetch(`${server.httpUrl}/api/session`, { headers: { cookie } })
const activity = (cookie: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${server.httpUrl}/api/session/activity`, { method: 'POST', headers: { cookie, ...headers } })
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

it('ends an idle session everywhere, and keeps one whose page says its user works', async () => {
  const idle = await login(server, DEMO.provincieAuteur)
  const working = await login(server, DEMO.rijkAuteur)
  expect(await (await whoAmI(idle)).json()).toMatchObject({ idleSeconds: IDLE_SECONDS })
  const client = connectClient(server, DE_PEEL, { cookie: idle })
  await client.synced()
  const closes: number[] = []
  client.provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  const started = Date.now()
  // Halfway, the working user's page reports activity; the idle one only asks who it is (as a page
  // does by itself), which does not count.
  await sleep((IDLE_SECONDS * 1000) / 2)
  expect((await activity(working)).status).toBe(204)
  expect((await whoAmI(idle)).status).toBe(200)
  await sleep((IDLE_SECONDS * 1000) / 2 + 300)

  expect((await whoAmI(idle)).status).toBe(401)
  expect((await activity(idle)).status).toBe(401)
  expect((await whoAmI(working)).status).toBe(200)
  // The idle session's open connection is closed as a session that ended, within a quarter of the
  // idle time (at least a second) after it ended; a reconnect is refused.
  await waitFor(() => closes.length > 0, { timeout: 5_000, message: 'the idle connection to close' })
  expect(closes[0]).toBe(CloseCode.unauthenticated)
  expect(Date.now() - started).toBeLessThan(IDLE_SECONDS * 1000 + 4_000)
  const again = await openRaw(`${server.wsUrl}/${DE_PEEL}`, { cookie: idle })
  expect(again.kind === 'refused' && again.status).toBe(401)
  client.destroy()
})

it('takes the activity signal only from this site, with a session', async () => {
  const cookie = await login(server, DEMO.lezer)
  expect((await activity(cookie, { origin: 'https://evil.example' })).status).toBe(403)
  expect((await fetch(`${server.httpUrl}/api/session/activity`, { method: 'POST' })).status).toBe(401)
  expect((await fetch(`${server.httpUrl}/api/session/activity`, { headers: { cookie } })).status).toBe(405)
})
