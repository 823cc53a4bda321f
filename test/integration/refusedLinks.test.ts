// A refused change that only added section links: the server kept no text for it, because it read the
// section without its links, so "Uw geweigerde wijzigingen" could not show the author what was refused.
// Now each link the change added is kept in words, named as a version comparison names it: a section of
// this document by its number and title, one of another document by the title the links index knows and
// that document's title, and "geen toegang" for a document the author may not open (no title leaks).
import { getSection, MessageType, orderedSections, type SectionId, signoffMirror } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { api } from '../helpers/comments.ts'
import { appendLink, DE_PEEL, VOORSTEL_LIMBURG, VOORSTEL_NB } from '../helpers/documents.ts'
import { readFrame, syncUpdate } from '../helpers/frames.ts'
import { openRaw, type RawSocket } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { sign } from '../helpers/signoff.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'

interface RefusedChange {
  reason: string
  sections: { sectionId: string; title: string; text: string }[]
}

let server: RunningServer
let witness: TestClient
let raw: RawSocket
let author: string
let locked: SectionId
let other: { id: SectionId; number: string; title: string }
let voorstelFour: { id: SectionId; title: string }
let limburg: { id: SectionId; title: string }

const view = (doc: Y.Doc, id: SectionId) => {
  const found = getSection(doc, id)
  if (!found) throw new Error(`no section ${id}`)
  return found
}

/** A fresh replica of the server's document, changed by `change`: the update it makes. */
function forge(change: (doc: Y.Doc) => void): Uint8Array {
  const forged = new Y.Doc()
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(witness.doc))
  const updates: Uint8Array[] = []
  forged.on('update', (u: Uint8Array) => updates.push(u))
  forged.transact(() => change(forged))
  forged.destroy()
  return Y.mergeUpdates(updates)
}

/** Links at the end of the locked section's first paragraph: no words at all. */
function addLinks(doc: Y.Doc, targets: readonly [string, string][]): void {
  const paragraph = view(doc, locked).content.get(0) as Y.XmlElement
  paragraph.insert(
    paragraph.length,
    targets.map(([documentId, sectionId]) => {
      const link = new Y.XmlElement('sectionLink')
      link.setAttribute('documentId', documentId)
      link.setAttribute('sectionId', sectionId)
      return link
    }),
  )
}

async function refuse(update: Uint8Array): Promise<void> {
  const before = raw.frames.length
  raw.send(syncUpdate(update))
  await waitFor(() => raw.frames.slice(before).some((f) => readFrame(f).type === MessageType.refused), {
    message: 'a refusal',
  })
}

const refusedFor = async (cookie: string) =>
  (await api<RefusedChange[]>(server, cookie, 'GET', `/api/documents/${DE_PEEL}/refused-changes`)).body

beforeAll(async () => {
  server = await startServer()
  const rijk = await login(server, DEMO.rijkAuteur)
  witness = connectClient(server, DE_PEEL, { cookie: rijk })
  await witness.synced()
  const sections = orderedSections(witness.doc)
  locked = (sections[0] as { id: SectionId }).id
  const second = sections[1]
  if (!second) throw new Error('no second section')
  other = { id: second.id, number: second.number, title: second.title.toString() }
  const voorstel = orderedSections(readCommitted(server.dataDir, VOORSTEL_NB).doc).find((s) => s.number === '4')
  const limburgFirst = orderedSections(readCommitted(server.dataDir, VOORSTEL_LIMBURG).doc)[0]
  if (!voorstel || !limburgFirst) throw new Error('no voorstel sections')
  voorstelFour = { id: voorstel.id, title: voorstel.title.toString() }
  limburg = { id: limburgFirst.id, title: limburgFirst.title.toString() }
  // Voorstel § 4 is linked from elsewhere: the links index knows its title.
  appendLink(view(witness.doc, other.id).content, 'Zie ', VOORSTEL_NB, voorstelFour.id)
  await witness.saved()
  await waitFor(
    async () =>
      (
        await api<{ targetSectionId: string; baselineAt: number | null }[]>(
          server,
          rijk,
          'GET',
          `/api/documents/${DE_PEEL}/links`,
        )
      ).body.some((l) => l.targetSectionId === voorstelFour.id && l.baselineAt !== null),
    { message: 'the link indexed with its baseline' },
  )
  expect((await sign(server, await login(server, DEMO.rijkOndertekenaar), DE_PEEL, locked)).status).toBe(200)
  expect((await sign(server, await login(server, DEMO.provincieOndertekenaar), DE_PEEL, locked)).status).toBe(200)
  await waitFor(() => signoffMirror(witness.doc).get(locked)?.locked, { message: 'the lock in the mirror' })
  author = await login(server, DEMO.provincieAuteur)
  const outcome = await openRaw(`${server.wsUrl}/${DE_PEEL}?app=1`, { cookie: author })
  if (outcome.kind !== 'open') throw new Error('could not connect')
  raw = outcome.socket
})

afterAll(async () => {
  raw.close()
  witness.destroy()
  await server.stop()
  server.cleanup()
})

it('keeps the links a refused change added to a signed section, in words', async () => {
  await refuse(
    forge((doc) =>
      addLinks(doc, [
        [VOORSTEL_NB, voorstelFour.id],
        [DE_PEEL, other.id],
        [VOORSTEL_LIMBURG, limburg.id],
      ]),
    ),
  )
  const [latest] = await refusedFor(author)
  expect(latest?.reason).toBe('locked')
  expect(latest?.sections).toEqual([
    {
      sectionId: locked,
      title: view(witness.doc, locked).title.toString(),
      text: `[koppeling: § 4 ${voorstelFour.title} (Ruimtelijk voorstel Noord-Brabant)][koppeling: § ${other.number} ${other.title}][koppeling: geen toegang]`,
    },
  ])
  // The province's author may not open Limburg's voorstel: its title is not in what was kept.
  expect(JSON.stringify(latest)).not.toContain(limburg.title)
})

it('keeps a link with the words typed around it in their order', async () => {
  await refuse(
    forge((doc) => {
      const paragraph = new Y.XmlElement('paragraph')
      const link = new Y.XmlElement('sectionLink')
      link.setAttribute('documentId', DE_PEEL)
      link.setAttribute('sectionId', other.id)
      paragraph.insert(0, [new Y.XmlText('Zie ook '), link, new Y.XmlText(' voor de kaart.')])
      view(doc, locked).content.push([paragraph])
    }),
  )
  const [latest] = await refusedFor(author)
  expect(latest?.sections[0]?.text).toBe(`Zie ook [koppeling: § ${other.number} ${other.title}] voor de kaart.`)
})
