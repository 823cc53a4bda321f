// Twenty clients joining a cold document at the same moment load it from storage once.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { metric, outline } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'

let server: RunningServer
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

it('loads a cold document once for twenty simultaneous joins', async () => {
  const id = 'ontwikkelperspectief-de-peel'
  const loadsBefore = await metric(server.httpUrl, 'document_loads_total')
  const cookie = await login(server, DEMO.rijkAuteur)
  for (let i = 0; i < 20; i++) clients.push(connectClient(server, id, { cookie }))
  await Promise.all(clients.map((c) => c.synced()))
  expect(await metric(server.httpUrl, 'document_loads_total')).toBe(loadsBefore + 1)
  const first = outline(clients[0]!.doc)
  expect(first).toHaveLength(8)
  for (const c of clients) expect(outline(c.doc)).toEqual(first)
})
