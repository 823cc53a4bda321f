// Comments through the real API and raw clients: author and organisation come from the session, only
// the author edits a message, a reader cannot comment, only the opener's organisation or a trekker
// resolves, clients cannot write the comments map, and a comment on a signed-off section changes
// nothing in it.

import { openDatabase } from '@novex/server'
import {
  type CommentThread,
  commentsMap,
  getSection,
  MessageType,
  orderedSections,
  type SectionId,
  sectionHash,
} from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { anchorOver, api, firstText } from '../helpers/comments.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { readFrame, syncUpdate } from '../helpers/frames.ts'
import { openRaw } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { type DEMO, loginEveryone } from '../helpers/session.ts'
import { sign } from '../helpers/signoff.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'

interface ErrorAnswer {
  readonly error: { readonly code: string; readonly message: string }
}

let server: RunningServer
let witness: TestClient
let cookies: Record<keyof typeof DEMO, string>
let sectionId: SectionId
const path = `/api/documents/${DE_PEEL}/comments`

beforeAll(async () => {
  server = await startServer()
  cookies = await loginEveryone(server)
  witness = connectClient(server, DE_PEEL, { cookie: cookies.rijkAuteur })
  await witness.synced()
  sectionId = (orderedSections(witness.doc)[0] as { id: SectionId }).id
})

afterAll(async () => {
  witness.destroy()
  await server.stop()
  server.cleanup()
})

const newThread = (body: string) => ({
  sectionId,
  anchor: anchorOver(firstText(witness.doc, sectionId), 0, 10),
  quote: firstText(witness.doc, sectionId).toString().slice(0, 10),
  body,
})

describe('comments', () => {
  it("are there from the start in the demo: De Peel's friction point, open, by the province, with the Rijk's answer", async () => {
    // What every reader syncs, a lezer too.
    const reader = connectClient(server, DE_PEEL, { cookie: cookies.lezer })
    await reader.synced()
    const threads = [...commentsMap(reader.doc).values()]
    reader.destroy()
    const schuurpunt = threads.find((t) => t.quote.startsWith('Geen nieuwe intensieve veehouderij'))
    expect(schuurpunt?.status).toBe('open')
    expect(schuurpunt?.openedBy.name).toBe('Bram Jansen')
    expect(schuurpunt?.messages.map((m) => m.author.organisationName)).toEqual([
      'Provincie Noord-Brabant',
      'Ministerie van LVVN',
    ])
    const section = getSection(witness.doc, schuurpunt?.sectionId as SectionId)
    expect(section?.component).toBe('ruimtelijke-keuzes')
  })

  it('takes author and organisation from the session, and refuses a forged author', async () => {
    const forged = await api<ErrorAnswer>(server, cookies.provincieAuteur, 'POST', path, {
      ...newThread('Namens het Rijk?'),
      author: { userId: 'x', name: 'Iemand anders', organisationName: 'Ministerie' },
    })
    expect(forged.status).toBe(400)
    const created = await api<CommentThread>(
      server,
      cookies.provincieAuteur,
      'POST',
      path,
      newThread('Klopt dit getal?'),
    )
    expect(created.status).toBe(201)
    expect(created.body.openedBy.name).toBe('Bram Jansen')
    expect(created.body.openedBy.organisationName).toBe('Provincie Noord-Brabant')
    await waitFor(() => commentsMap(witness.doc).get(created.body.id), { message: 'the thread to arrive live' })
  })

  it('lets a meelezer comment and refuses a lezer', async () => {
    expect((await api(server, cookies.meelezer, 'POST', path, newThread('Waterschap: let op het peil.'))).status).toBe(
      201,
    )
    const reader = await api<ErrorAnswer>(server, cookies.lezer, 'POST', path, newThread('Mag ik dit?'))
    expect(reader.status).toBe(403)
    expect(reader.body.error.code).toBe('cannot_comment')
  })

  it('lets only the author edit or delete a message', async () => {
    const thread = (await api<CommentThread>(server, cookies.provincieAuteur, 'POST', path, newThread('Eerste versie')))
      .body
    const messageId = thread.messages[0]?.id
    const messagePath = `${path}/${thread.id}/messages/${messageId}`
    const other = await api<ErrorAnswer>(server, cookies.rijkAuteur, 'PATCH', messagePath, { body: 'Overschreven' })
    expect(other.status).toBe(403)
    expect((await api<ErrorAnswer>(server, cookies.rijkAuteur, 'DELETE', messagePath)).status).toBe(403)
    const edited = await api<{ body: string; editedAt: number }>(
      server,
      cookies.provincieAuteur,
      'PATCH',
      messagePath,
      {
        body: 'Tweede versie',
      },
    )
    expect(edited.body.body).toBe('Tweede versie')
    const deleted = await api<{ deleted: boolean; body: string }>(
      server,
      cookies.provincieAuteur,
      'DELETE',
      messagePath,
    )
    expect(deleted.body).toMatchObject({ deleted: true, body: '' })
    await waitFor(() => commentsMap(witness.doc).get(thread.id)?.messages[0]?.deleted, { message: 'the delete live' })
  })

  it('lets only the opener organisation or a trekker resolve', async () => {
    const thread = (await api<CommentThread>(server, cookies.provincieAuteur, 'POST', path, newThread('Op te lossen')))
      .body
    const reply = await api<{ author: { name: string } }>(
      server,
      cookies.rijkAuteur,
      'POST',
      `${path}/${thread.id}/messages`,
      {
        body: 'Wij passen het aan.',
      },
    )
    expect(reply.status).toBe(201)
    expect(reply.body.author.name).toBe('Anne de Vries')
    const rijk = await api<ErrorAnswer>(server, cookies.rijkAuteur, 'POST', `${path}/${thread.id}/resolve`)
    expect(rijk.status).toBe(403)
    expect(rijk.body.error.code).toBe('cannot_resolve')
    expect((await api(server, cookies.meelezer, 'POST', `${path}/${thread.id}/resolve`)).status).toBe(403)
    const trekker = await api<CommentThread>(server, cookies.rijkOndertekenaar, 'POST', `${path}/${thread.id}/resolve`)
    expect(trekker.body.status).toBe('resolved')
    const reopened = await api<CommentThread>(server, cookies.provincieAuteur, 'POST', `${path}/${thread.id}/reopen`)
    expect(reopened.body.status).toBe('open')
  })

  it('keeps a comment body as inert plain text', async () => {
    const body = '<script>alert(1)</script> [klik](javascript:alert(1)) <img src=x onerror=alert(1)>\u202e'
    const thread = (await api<CommentThread>(server, cookies.provincieAuteur, 'POST', path, newThread(body))).body
    expect(thread.messages[0]?.body).toBe(
      '<script>alert(1)</script> [klik](javascript:alert(1)) <img src=x onerror=alert(1)>',
    )
  })

  it('refuses an anchor outside the section, and raw writes to the comments map', async () => {
    const [, other] = orderedSections(witness.doc)
    if (!other) throw new Error('second section missing')
    const elsewhere = await api<ErrorAnswer>(server, cookies.provincieAuteur, 'POST', path, {
      ...newThread('Verkeerde plek'),
      anchor: anchorOver(firstText(witness.doc, other.id), 0, 5),
    })
    expect(elsewhere.status).toBe(400)
    expect(elsewhere.body.error.code).toBe('invalid_anchor')
    const outcome = await openRaw(`${server.wsUrl}/${DE_PEEL}?app=1`, { cookie: cookies.provincieAuteur })
    if (outcome.kind !== 'open') throw new Error('could not connect')
    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(witness.doc))
    const updates: Uint8Array[] = []
    forged.on('update', (u: Uint8Array) => updates.push(u))
    const someThread = [...commentsMap(forged).values()][0] as CommentThread
    commentsMap(forged).set(someThread.id, { ...someThread, status: 'resolved' })
    outcome.socket.send(syncUpdate(Y.mergeUpdates(updates)))
    await waitFor(() => outcome.socket.frames.map(readFrame).find((f) => f.type === MessageType.refused), {
      message: 'a refusal',
    })
    const refusal = outcome.socket.frames.map(readFrame).find((f) => f.type === MessageType.refused)
    expect(refusal?.strings?.[0]).toBe('server-owned')
    outcome.socket.close()
    expect(commentsMap(witness.doc).get(someThread.id)?.status).toBe(someThread.status)
  })

  it('comments on a signed-off section without changing it or its hash', async () => {
    await sign(server, cookies.rijkOndertekenaar, DE_PEEL, sectionId)
    const locked = await sign<{ locked: boolean; state: { locked: { hash: string } } }>(
      server,
      cookies.provincieOndertekenaar,
      DE_PEEL,
      sectionId,
    )
    expect(locked.body.locked).toBe(true)
    const created = await api<CommentThread>(server, cookies.meelezer, 'POST', path, newThread('Na ondertekening'))
    expect(created.status).toBe(201)
    await waitFor(() => commentsMap(witness.doc).get(created.body.id), { message: 'the thread live' })
    const view = getSection(witness.doc, sectionId)
    if (!view) throw new Error('no section')
    expect(sectionHash(view)).toBe(locked.body.state.locked.hash)
  })

  it('answers a comment only once it is on disk, and loses none when the database cannot be written', async () => {
    const bodiesOnDisk = (): string[] =>
      [...commentsMap(readCommitted(server.dataDir, DE_PEEL).doc).values()].flatMap((t) =>
        t.messages.map((m) => m.body),
      )
    const other = openDatabase(server.dataDir)
    other.exec('BEGIN IMMEDIATE')
    try {
      // As far as the server knows the document is writable: the comment is taken, and its write fails.
      const delayed = await api<ErrorAnswer>(
        server,
        cookies.provincieAuteur,
        'POST',
        path,
        newThread('Tijdens de storing'),
      )
      expect(delayed.status).toBe(503)
      expect(delayed.body.error.code).toBe('storage_delayed')
      // Now it knows: the next one is not taken at all (the page keeps the text).
      const refused = await api<ErrorAnswer>(server, cookies.provincieAuteur, 'POST', path, newThread('Niet genomen'))
      expect(refused.status).toBe(503)
      expect(refused.body.error.code).toBe('storage_unavailable')
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    // The one that was taken is written as soon as the database works again, once; the other never.
    await waitFor(() => bodiesOnDisk().includes('Tijdens de storing'), { message: 'the delayed comment on disk' })
    const created = await api<CommentThread>(server, cookies.provincieAuteur, 'POST', path, newThread('Daarna'))
    expect(created.status).toBe(201)
    const bodies = bodiesOnDisk()
    expect(bodies.filter((b) => b === 'Tijdens de storing')).toHaveLength(1)
    expect(bodies).not.toContain('Niet genomen')
    expect(bodies).toContain('Daarna')
  })
})
