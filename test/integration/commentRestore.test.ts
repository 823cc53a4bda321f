// Commented text deleted and brought back with Ctrl+Z is new text to Yjs: the author's page hands the
// thread over to it (POST …/comments/<thread>/anchor). The server takes that only while the thread's own
// text is gone, only to text that reads as its quote, and only from an author; raw clients, no UI.
import { type CommentThread, commentsMap, orderedSections, type SectionId } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { anchoredText, anchorOver, api, firstText } from '../helpers/comments.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let author: string
let client: TestClient
let other: TestClient
let sectionId: SectionId

beforeAll(async () => {
  server = await startServer()
  author = await login(server, DEMO.provincieAuteur)
  client = connectClient(server, DE_PEEL, { cookie: author })
  other = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.rijkAuteur) })
  await Promise.all([client.synced(), other.synced()])
  sectionId = (orderedSections(client.doc)[0] as { id: SectionId }).id
}, 60_000)

afterAll(async () => {
  client.destroy()
  other.destroy()
  await server.stop()
  server.cleanup()
})

/** The server's answer to a refused request. */
interface Refusal {
  readonly error: { readonly code: string; readonly message: string }
}

const threadPath = (id: string): string => `/api/documents/${DE_PEEL}/comments/${id}`

/** A thread on `quote`, written at the start of the section's first text. */
async function threadOn(quote: string): Promise<CommentThread> {
  const text = firstText(client.doc, sectionId)
  text.insert(0, `${quote}. `)
  await client.saved()
  const created = await api<CommentThread>(server, author, 'POST', `/api/documents/${DE_PEEL}/comments`, {
    sectionId,
    anchor: anchorOver(text, 0, quote.length),
    quote,
    body: 'Klopt dit?',
  })
  expect(created.status).toBe(201)
  return created.body
}

/** Where this client's undo put the thread's text back (Yjs follows the deleted text to its restored copy). */
function restoredAnchor(anchor: { start: string; end: string }): { start: string; end: string } {
  const follow = (part: string, assoc: number): string => {
    const position = Y.decodeRelativePosition(Buffer.from(part, 'base64'))
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, client.doc, true)
    if (absolute === null) throw new Error('unresolved')
    const moved = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc)
    return Buffer.from(Y.encodeRelativePosition(moved)).toString('base64')
  }
  return { start: follow(anchor.start, 0), end: follow(anchor.end, -1) }
}

it('hands a thread over to its text brought back by undo, for everyone', async () => {
  const thread = await threadOn('Herstelbare zin')
  const text = firstText(client.doc, sectionId)
  const undo = new Y.UndoManager(text, { captureTimeout: 0 })
  text.delete(0, 'Herstelbare zin'.length)
  await client.saved()
  expect(anchoredText(other.doc, thread.anchor)).toBe('')

  // Before the undo the text is gone everywhere: nothing to hand over to.
  const early = await api<Refusal>(server, author, 'POST', `${threadPath(thread.id)}/anchor`, {
    anchor: thread.anchor,
  })
  expect(early.status).toBe(409)
  expect(early.body.error.code).toBe('anchor_text_differs')

  undo.undo()
  await client.saved()
  // Yjs restored new text: the old anchor still reads as deleted on every other replica.
  await waitFor(() => firstText(other.doc, sectionId).toString().startsWith('Herstelbare zin'), { message: 'undo' })
  expect(anchoredText(other.doc, thread.anchor)).toBe('')

  const anchor = restoredAnchor(thread.anchor)
  const answer = await api<CommentThread>(server, author, 'POST', `${threadPath(thread.id)}/anchor`, { anchor })
  expect(answer.status).toBe(200)
  expect(answer.body.anchor).toEqual(anchor)
  const seen = await waitFor(
    () => {
      const current = commentsMap(other.doc).get(thread.id)
      return current !== undefined && anchoredText(other.doc, current.anchor) === 'Herstelbare zin' ? current : null
    },
    { message: 'the restored anchor at the other client' },
  )
  expect(seen.messages).toEqual(thread.messages)

  // Once it is back at its text, it is not moved again.
  const again = await api<Refusal>(server, author, 'POST', `${threadPath(thread.id)}/anchor`, { anchor })
  expect(again.status).toBe(409)
  expect(again.body.error.code).toBe('anchor_in_place')
  undo.destroy()
})

it('refuses text that does not read as the quote, a reader, and malformed anchors', async () => {
  const thread = await threadOn('Verdwenen woorden')
  const text = firstText(client.doc, sectionId)
  text.delete(0, 'Verdwenen woorden'.length)
  text.insert(0, 'Andere woorden')
  await client.saved()
  const elsewhere = anchorOver(text, 0, 'Andere woorden'.length)

  const differs = await api<Refusal>(server, author, 'POST', `${threadPath(thread.id)}/anchor`, { anchor: elsewhere })
  expect(differs.status).toBe(409)
  expect(differs.body.error.code).toBe('anchor_text_differs')
  expect(differs.body.error.message).toContain('niet de tekst')

  const reader = await login(server, DEMO.meelezer)
  const refused = await api<Refusal>(server, reader, 'POST', `${threadPath(thread.id)}/anchor`, {
    anchor: elsewhere,
  })
  expect(refused.status).toBe(403)

  const malformed = await api<Refusal>(server, author, 'POST', `${threadPath(thread.id)}/anchor`, {
    anchor: { start: 'AAAA', end: 'AAAA' },
  })
  expect(malformed.status).toBe(400)
  const extra = await api<Refusal>(server, author, 'POST', `${threadPath(thread.id)}/anchor`, {
    anchor: elsewhere,
    quote: 'Andere woorden',
  })
  expect(extra.status).toBe(400)

  // Nothing of it changed the thread.
  const stored = commentsMap(client.doc).get(thread.id)
  expect(stored?.anchor).toEqual(thread.anchor)
})
