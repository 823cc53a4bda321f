// A `lezer` on a raw socket that bypasses the UI: sync step 1 is answered, but its sync step 2,
// updates and presence for someone else's client id are not applied, stored or broadcast.
import { MessageType, orderedSections, SyncStep } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { DE_PEEL, outline } from '../helpers/documents.ts'
import { awarenessFor, readFrame, syncStep1, syncStep2, syncUpdate } from '../helpers/frames.ts'
import { openRaw, type RawSocket } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let author: TestClient
let raw: RawSocket

beforeAll(async () => {
  server = await startServer()
  author = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.rijkAuteur) })
  await author.synced()
  author.provider.awareness.setLocalStateField('section', 'eerste')
  const outcome = await openRaw(`${server.wsUrl}/${DE_PEEL}?app=1`, { cookie: await login(server, DEMO.lezer) })
  if (outcome.kind !== 'open') throw new Error(`lezer refused: ${outcome.status}`)
  raw = outcome.socket
})

afterAll(async () => {
  raw.close()
  author.destroy()
  await server.stop()
  server.cleanup()
})

it('tells a read-only connection what it may do and still answers its sync step 1', async () => {
  await waitFor(() => raw.frames.some((f) => readFrame(f).type === MessageType.access), { message: 'access frame' })
  const access = raw.frames.map(readFrame).find((f) => f.type === MessageType.access)
  expect(access?.strings).toEqual(['read'])
  raw.send(syncStep1(new Y.Doc()))
  await waitFor(() => raw.frames.map(readFrame).some((f) => f.type === MessageType.sync && f.step === SyncStep.step2), {
    message: 'sync step 2 answer',
  })
  const step2 = raw.frames.map(readFrame).find((f) => f.type === MessageType.sync && f.step === SyncStep.step2)
  const copy = new Y.Doc()
  Y.applyUpdate(copy, step2?.payload ?? new Uint8Array())
  expect(outline(copy)).toEqual(outline(author.doc))
})

it('applies, stores and broadcasts none of its updates, sync step 2 or foreign presence', async () => {
  const before = readCommitted(server.dataDir, DE_PEEL)
  const authorBefore = outline(author.doc)
  // Build real updates against the current document, as a modified client would.
  const forged = new Y.Doc()
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(author.doc))
  const updates: Uint8Array[] = []
  forged.on('update', (u: Uint8Array) => updates.push(u))
  const section = orderedSections(forged)[0]
  section?.title.insert(0, 'GEHACKT ')
  section?.content.insert(0, [new Y.XmlElement('paragraph')])
  expect(updates).toHaveLength(2)
  raw.send(syncStep2(updates[0] as Uint8Array))
  raw.send(syncUpdate(updates[1] as Uint8Array))
  raw.send(awarenessFor(author.doc.clientID, 99, { user: { name: 'Nep', color: '#000' }, section: 'gekaapt' }))

  await waitFor(() => raw.frames.map(readFrame).filter((f) => f.type === MessageType.refused).length >= 2, {
    message: 'two refusals',
  })
  const refusals = raw.frames.map(readFrame).filter((f) => f.type === MessageType.refused)
  expect(refusals.every((r) => r.strings?.[0] === 'read-only')).toBe(true)

  // A later accepted edit proves the server has processed everything the lezer sent before.
  orderedSections(author.doc)[1]?.title.insert(0, '+')
  await author.saved()
  expect(outline(author.doc).join()).not.toContain('GEHACKT')
  expect(outline(author.doc).slice(2)).toEqual(authorBefore.slice(2))
  const after = readCommitted(server.dataDir, DE_PEEL)
  expect(outline(after.doc).join()).not.toContain('GEHACKT')
  expect(after.rows).toBe(before.rows + 1)
  // The author's presence is its own, not the forged one.
  const seen = author.provider.awareness.getLocalState()
  expect(seen?.section).toBe('eerste')
})

it('refuses nothing when a reader answers the server with what it already has', async () => {
  const cookie = await login(server, DEMO.lezer)
  const keptRefusals = async (): Promise<unknown[]> =>
    (await fetch(`${server.httpUrl}/api/documents/${DE_PEEL}/refused-changes`, { headers: { cookie } })).json()
  // The forged updates of the test before are kept; nothing is added below.
  const keptBefore = await keptRefusals()
  // A reader's page answers the server's sync step 1 with its own step 2: nothing the server lacks.
  const reader = connectClient(server, DE_PEEL, { cookie })
  await reader.synced()
  // Its second visit: the page's local copy holds the document, deletions included (a removed word).
  const word = orderedSections(author.doc)[2]?.title
  word?.insert(0, 'weg ')
  word?.delete(0, 4)
  await author.saved()
  await waitFor(() => outline(reader.doc).join() === outline(author.doc).join(), { message: 'the reader to follow' })
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc))
  const again = connectClient(server, DE_PEEL, { cookie, doc: copy })
  await again.synced()
  // A later accepted edit proves the server has processed the readers' answers.
  orderedSections(author.doc)[1]?.title.insert(0, '+')
  await author.saved()
  await waitFor(() => outline(again.doc).join() === outline(author.doc).join(), {
    message: 'the second visit to follow',
  })
  expect(reader.refusals).toEqual([])
  expect(again.refusals).toEqual([])
  expect(await keptRefusals()).toEqual(keptBefore)
  reader.destroy()
  again.destroy()
})
