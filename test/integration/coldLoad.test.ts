// Twenty clients joining a cold document at the same moment load it from storage once. A document left
// idle is one snapshot row; a fresh join is answered from it before the server builds its Y.Doc, and the
// first edit after that is still gated against, and stored with, the whole document.
import { orderedSections } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { appendParagraph, metric, outline } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'

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

const firstSection = (doc: Y.Doc) => orderedSections(doc)[0]?.content as Y.XmlFragment

/**
 * Writes into a document's first section as `email`, then leaves (with the earlier tests' clients) and
 * waits until the document is unloaded: idle and saved, its log compacted into the one snapshot row a
 * cold join is answered from. Returns the session cookie and the document as written.
 */
async function writeAndUnload(
  id: string,
  email: string,
  write: (section: Y.XmlFragment) => void,
): Promise<{ cookie: string; written: string[]; bytes: number }> {
  for (const c of clients.splice(0)) c.destroy()
  const cookie = await login(server, email)
  const writer = connectClient(server, id, { cookie })
  await writer.synced()
  write(firstSection(writer.doc))
  await writer.saved()
  const written = outline(writer.doc)
  const bytes = Y.encodeStateAsUpdate(writer.doc).byteLength
  writer.destroy()
  await waitFor(async () => (await metric(server.httpUrl, 'rooms_open')) === 0, { message: 'room unloaded' })
  expect(readCommitted(server.dataDir, id).rows).toBe(0)
  return { cookie, written, bytes }
}

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

it('answers a fresh join of an idle document from its snapshot, then gates and stores the next edits', async () => {
  const id = 'ruimtelijk-voorstel-noord-brabant'
  const { cookie } = await writeAndUnload(id, DEMO.provincieAuteur, (section) =>
    appendParagraph(section, 'Koude start vanuit de opslag.'),
  )

  const fresh = connectClient(server, id, { cookie })
  clients.push(fresh)
  await fresh.synced()
  expect(outline(fresh.doc).join('\n')).toContain('Koude start vanuit de opslag.')
  // A client with state of its own (an offline copy with a change the server lacks) joins the same room.
  const offline = new Y.Doc()
  Y.applyUpdate(offline, Y.encodeStateAsUpdate(fresh.doc))
  appendParagraph(firstSection(offline), 'Offline geschreven.')
  const returning = connectClient(server, id, { cookie, doc: offline })
  clients.push(returning)
  appendParagraph(firstSection(fresh.doc), 'Na de koude start.')
  await fresh.saved()
  await returning.saved()
  await waitFor(() => outline(fresh.doc).join('\n').includes('Offline geschreven.'), { message: 'offline edit' })
  await waitFor(() => outline(returning.doc).join('\n').includes('Na de koude start.'), { message: 'fresh edit' })
  expect(fresh.refusals).toEqual([])
  expect(returning.refusals).toEqual([])
  const stored = outline(readCommitted(server.dataDir, id).doc).join('\n')
  for (const text of ['Koude start vanuit de opslag.', 'Offline geschreven.', 'Na de koude start.'])
    expect(stored).toContain(text)
  expect(outline(fresh.doc)).toEqual(outline(returning.doc))
})

it('answers fresh joins of a large idle document from its snapshot, and builds it from the same bytes for the next edit', async () => {
  // Large enough that the fresh-join frame is kept (64 KiB): the unbuilt document then holds its
  // snapshot as that frame's payload (rooms/freshJoinFrame.ts), and is built from it on the first edit.
  const id = 'ontwikkelperspectief-de-peel'
  const { cookie, written, bytes } = await writeAndUnload(id, DEMO.rijkAuteur, (section) => {
    for (let i = 0; i < 40; i++) appendParagraph(section, `Alinea ${i}: ${'tekst '.repeat(400)}`)
  })
  expect(bytes).toBeGreaterThan(96 * 1024)

  // Two fresh joins while it is unbuilt: the first keeps the frame, the second is answered from it.
  const first = connectClient(server, id, { cookie })
  const second = connectClient(server, id, { cookie })
  clients.push(first, second)
  await first.synced()
  await second.synced()
  expect(outline(first.doc)).toEqual(written)
  expect(outline(second.doc)).toEqual(written)

  // The first edit builds the document from the kept bytes; it is gated, stored and delivered whole.
  appendParagraph(firstSection(first.doc), 'Na twee koude joins.')
  await first.saved()
  await waitFor(() => outline(second.doc).join('\n').includes('Na twee koude joins.'), { message: 'the edit' })
  expect(first.refusals).toEqual([])
  const third = connectClient(server, id, { cookie })
  clients.push(third)
  await third.synced()
  expect(outline(third.doc)).toEqual(outline(first.doc))
  expect(outline(readCommitted(server.dataDir, id).doc)).toEqual(outline(first.doc))
})
