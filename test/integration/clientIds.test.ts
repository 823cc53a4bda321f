// Client-id squatting: an update carrying structs of a client id that belongs to another user is
// refused, and the victim's later edits still land.
import { MessageType, orderedSections } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { outline } from '../helpers/documents.ts'
import { readFrame, syncUpdate } from '../helpers/frames.ts'
import { openRaw } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

const DOC = 'ruimtelijk-voorstel-noord-brabant'
let server: RunningServer
let victim: TestClient
let witness: TestClient

beforeAll(async () => {
  server = await startServer()
  victim = connectClient(server, DOC, { cookie: await login(server, DEMO.rijkAuteur) })
  witness = connectClient(server, DOC, { cookie: await login(server, DEMO.provincieOndertekenaar) })
  await Promise.all([victim.synced(), witness.synced()])
})

afterAll(async () => {
  victim.destroy()
  witness.destroy()
  await server.stop()
  server.cleanup()
})

it('refuses an update written with the client id of another user, and keeps the victim working', async () => {
  orderedSections(victim.doc)[0]?.title.insert(0, 'Eerst ')
  await victim.saved()

  // The attacker (another user) forges an update with the victim's client id, continuing its clock.
  const forged = new Y.Doc()
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(victim.doc))
  forged.clientID = victim.doc.clientID
  const updates: Uint8Array[] = []
  forged.on('update', (u: Uint8Array) => updates.push(u))
  orderedSections(forged)[0]?.title.insert(0, 'VERVALST ')
  const outcome = await openRaw(`${server.wsUrl}/${DOC}?app=1`, { cookie: await login(server, DEMO.provincieAuteur) })
  if (outcome.kind !== 'open') throw new Error('attacker could not connect')
  outcome.socket.send(syncUpdate(updates[0] as Uint8Array))
  await waitFor(() => outcome.socket.frames.some((f) => readFrame(f).type === MessageType.refused), {
    message: 'refusal',
  })
  expect(outcome.socket.frames.map(readFrame).find((f) => f.type === MessageType.refused)?.strings?.[0]).toBe(
    'foreign-client',
  )
  outcome.socket.close()

  // The victim's next edit (same client id, next clock) is accepted and reaches the witness.
  orderedSections(victim.doc)[0]?.title.insert(0, 'Daarna ')
  await victim.saved()
  await waitFor(() => orderedSections(witness.doc)[0]?.title.toString().startsWith('Daarna Eerst '), {
    message: 'victim edit at witness',
  })
  expect(outline(witness.doc).join()).not.toContain('VERVALST')
  expect(victim.refusals).toEqual([])
})
