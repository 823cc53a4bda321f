// A large document keeps the frame it sends a fresh client (server/src/rooms/freshJoinFrame.ts) until it
// changes. Every change must reach the next fresh join: a peer's edit, and a change the server makes
// itself (a comment through the API). Real server, real clients.
import { type CommentThread, commentsMap, orderedSections, type SectionId } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { anchorOver, api, firstText } from '../helpers/comments.ts'
import { appendParagraph, DE_PEEL, outline } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'

let server: RunningServer
let cookie: string
let writer: TestClient
const clients: TestClient[] = []
const firstSection = (doc: Y.Doc) => orderedSections(doc)[0] as { id: SectionId; content: Y.XmlFragment }

/** A client with nothing yet: it asks for the whole document. */
async function freshJoin(): Promise<Y.Doc> {
  const client = connectClient(server, DE_PEEL, { cookie })
  clients.push(client)
  await client.synced()
  return client.doc
}

beforeAll(async () => {
  server = await startServer()
  cookie = await login(server, DEMO.rijkAuteur)
  writer = connectClient(server, DE_PEEL, { cookie })
  await writer.synced()
  // Well above the size from which the frame is kept (64 KiB).
  for (let i = 0; i < 40; i++) appendParagraph(firstSection(writer.doc).content, `Alinea ${i}: ${'tekst '.repeat(400)}`)
  await writer.saved()
  expect(Y.encodeStateAsUpdate(writer.doc).byteLength).toBeGreaterThan(96 * 1024)
})

afterAll(async () => {
  for (const c of clients) c.destroy()
  writer.destroy()
  await server.stop()
  server.cleanup()
})

it('gives every fresh join of a large document the edits made since the previous one', async () => {
  const first = await freshJoin()
  const second = await freshJoin()
  expect(outline(second)).toEqual(outline(first))
  expect(outline(first).join('\n')).toContain('Alinea 39')

  appendParagraph(firstSection(writer.doc).content, 'Na de eerste lezers geschreven.')
  await writer.saved()
  const third = await freshJoin()
  expect(outline(third).join('\n')).toContain('Na de eerste lezers geschreven.')
  expect(outline(third)).toEqual(outline(writer.doc))
})

it('gives a fresh join the change the server made itself (a comment)', async () => {
  // This join has the frame kept; the comment must replace it.
  await freshJoin()
  const section = firstSection(writer.doc).id
  const text = firstText(writer.doc, section)
  const created = await api<CommentThread>(server, cookie, 'POST', `/api/documents/${DE_PEEL}/comments`, {
    sectionId: section,
    anchor: anchorOver(text, 0, 5),
    quote: text.toString().slice(0, 5),
    body: 'Een reactie die de volgende lezer moet zien.',
  })
  expect(created.status).toBe(201)
  const after = await freshJoin()
  expect(commentsMap(after).get(created.body.id)?.messages[0]?.body).toBe(
    'Een reactie die de volgende lezer moet zien.',
  )
})
