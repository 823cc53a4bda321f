// Membership changes made with the CLI reach live connections within two seconds: a revoked member is
// closed with a code that tells the client not to retry, and a downgraded one becomes read-only.
import { CloseCode, MessageType, orderedSections } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { openRaw } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
const clients: TestClient[] = []

/** `member:set` in De Peel's area with the CLI, as an administrator would. */
function setMember(email: string, role: string, ...flags: string[]) {
  return runCli(server, ['member:set', '--email', email, '--area', 'de-peel', '--role', role, ...flags])
}

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

it('closes the live connection of a revoked member within 2 s, and refuses the reconnect', async () => {
  const cookie = await login(server, DEMO.provincieAuteur)
  const client = connectClient(server, DE_PEEL, { cookie })
  clients.push(client)
  await client.synced()
  const closes: number[] = []
  client.provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  const result = await runCli(server, ['member:remove', '--email', DEMO.provincieAuteur, '--area', 'de-peel'])
  expect(result.code).toBe(0)
  const removedAt = Date.now()
  await waitFor(() => closes.length > 0, { timeout: 5_000, message: 'close after revoke' })
  expect(Date.now() - removedAt).toBeLessThan(2_000)
  expect(closes[0]).toBe(CloseCode.forbidden)
  // y-websocket treats 44xx as final: no reconnect loop.
  expect(client.provider.shouldConnect).toBe(false)
  const again = await openRaw(`${server.wsUrl}/${DE_PEEL}`, { cookie })
  expect(again.kind === 'refused' && again.status).toBe(403)
})

it('downgrades a live connection to read-only when the role changes', async () => {
  const client = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.rijkAuteur) })
  clients.push(client)
  await client.synced()
  expect(client.accessLog).toEqual(['edit'])
  const result = await setMember(DEMO.rijkAuteur, 'lezer')
  expect(result.code).toBe(0)
  await waitFor(() => client.accessLog.at(-1) === 'read', { timeout: 2_500, message: 'downgrade' })
  orderedSections(client.doc)[0]?.title.insert(0, 'na downgrade ')
  await waitFor(() => client.refusals.length > 0, { message: 'refusal' })
  expect(client.refusals[0]?.reason).toBe('read-only')
})

it('tells a live connection when its signatory or trekker right changes, and only then', async () => {
  const client = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.rijkOndertekenaar) })
  clients.push(client)
  await client.synced()
  const rightsFrames = (): number => client.appFrames.filter((type) => type === MessageType.rights).length
  // No longer a signatory (still an author): access stays 'edit', the page is told to ask again.
  const demote = await setMember(DEMO.rijkOndertekenaar, 'auteur')
  expect(demote.code).toBe(0)
  await waitFor(() => rightsFrames() === 1, {
    timeout: 2_500,
    message: 'rights frame after losing the signatory right',
  })
  expect(client.accessLog).toEqual(['edit'])
  const demoted = await fetch(`${server.httpUrl}/api/documents/${DE_PEEL}/signoffs`, {
    headers: { cookie: await login(server, DEMO.rijkOndertekenaar) },
  })
  expect(((await demoted.json()) as { me: { signatory: boolean } }).me.signatory).toBe(false)
  // A change elsewhere (another user's membership) says nothing to this connection.
  expect((await setMember(DEMO.meelezer, 'lezer')).code).toBe(0)
  // Trekker: told again.
  const trekker = await setMember(DEMO.rijkOndertekenaar, 'auteur', '--trekker')
  expect(trekker.code).toBe(0)
  await waitFor(() => rightsFrames() === 2, { timeout: 2_500, message: 'rights frame after becoming trekker' })
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  expect(rightsFrames()).toBe(2)
})

it('closes the live connections of a session that logs out', async () => {
  const cookie = await login(server, DEMO.meelezer)
  const client = connectClient(server, DE_PEEL, { cookie })
  clients.push(client)
  await client.synced()
  const closes: number[] = []
  client.provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  await fetch(`${server.httpUrl}/api/session`, { method: 'DELETE', headers: { cookie } })
  await waitFor(() => closes.length > 0, { timeout: 2_000, message: 'close after logout' })
  expect(closes[0]).toBe(CloseCode.unauthenticated)
})
