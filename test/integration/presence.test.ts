// Presence is stamped by the server from the session: a client cannot choose its name or organisation.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let a: TestClient
let b: TestClient

beforeAll(async () => {
  server = await startServer()
  a = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.rijkAuteur) })
  b = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.provincieAuteur) })
  await Promise.all([a.synced(), b.synced()])
})

afterAll(async () => {
  a.destroy()
  b.destroy()
  await server.stop()
  server.cleanup()
})

it('shows the session name and organisation, whatever the client claims', async () => {
  a.provider.awareness.setLocalState({ user: { name: 'Minister-president', color: '#ff0000' }, section: 's1' })
  await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.section === 's1', {
    message: 'presence of a at b',
  })
  const seen = b.provider.awareness.getStates().get(a.doc.clientID)
  expect(seen?.user).toEqual({
    name: 'Anne de Vries',
    organisation: 'Ministerie van LVVN',
    organisationKind: 'rijk',
    color: '#154273',
  })
})
