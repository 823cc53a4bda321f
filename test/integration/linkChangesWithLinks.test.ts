// "Wat is er gewijzigd?" for a suspect link whose target changed only by a section link added or removed
// inside it. The link turned suspect (the target's content hash changed), yet the dialog said "geen
// verschil": the changes compared the target's text without its links. Now each link in the target is a
// part of its own, named for the reader as a version comparison names it (docs/links.md).
import { type DiffPart, getSection, orderedSections, type SectionId } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { api } from '../helpers/comments.ts'
import { appendLink, DE_PEEL, VOORSTEL_LIMBURG, VOORSTEL_NB } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'

interface Link {
  sourceSectionId: string
  targetSectionId: string
  state: string
  baselineAt: number | null
}

let server: RunningServer
let rijk: string
let perspective: TestClient
let voorstel: TestClient
let source: SectionId
/** Voorstel § 4, linked from the perspective; § 2, linked from inside § 4 later. */
let target: SectionId
let inner: { id: SectionId; title: string }

const view = (client: TestClient, id: SectionId) => {
  const found = getSection(client.doc, id)
  if (!found) throw new Error(`no section ${id}`)
  return found
}
const theLink = async (): Promise<Link | undefined> =>
  (await api<Link[]>(server, rijk, 'GET', `/api/documents/${DE_PEEL}/links`)).body.find(
    (l) => l.sourceSectionId === source && l.targetSectionId === target,
  )
const changes = async (cookie = rijk): Promise<DiffPart[]> => {
  const query = `sourceSection=${source}&targetDocument=${VOORSTEL_NB}&targetSection=${target}`
  const answer = await api<{ parts: DiffPart[] }>(
    server,
    cookie,
    'GET',
    `/api/documents/${DE_PEEL}/links/changes?${query}`,
  )
  expect(answer.status).toBe(200)
  return answer.body.parts
}
const changed = (parts: readonly DiffPart[]) => parts.filter((p) => p.added || p.removed)
/** A link inserted at the end of the first paragraph of a section: no words at all. */
const linkAtEnd = (client: TestClient, id: SectionId, documentId: string, sectionId: string): void => {
  const paragraph = view(client, id).content.get(0) as Y.XmlElement
  const link = new Y.XmlElement('sectionLink')
  link.setAttribute('documentId', documentId)
  link.setAttribute('sectionId', sectionId)
  paragraph.insert(paragraph.length, [link])
}

beforeAll(async () => {
  server = await startServer()
  rijk = await login(server, DEMO.rijkAuteur)
  perspective = connectClient(server, DE_PEEL, { cookie: rijk })
  voorstel = connectClient(server, VOORSTEL_NB, { cookie: await login(server, DEMO.provincieAuteur) })
  await Promise.all([perspective.synced(), voorstel.synced()])
  source = (orderedSections(perspective.doc)[2] as { id: SectionId }).id
  const sections = orderedSections(voorstel.doc)
  target = (sections.find((s) => s.number === '4') as { id: SectionId }).id
  const two = sections.find((s) => s.number === '2')
  if (!two) throw new Error('no voorstel § 2')
  inner = { id: two.id, title: two.title.toString() }
  appendLink(view(perspective, source).content, 'Zie ', VOORSTEL_NB, target)
  await perspective.saved()
  await waitFor(async () => (await theLink())?.baselineAt != null, { message: 'the baseline of the link' })
})

afterAll(async () => {
  perspective.destroy()
  voorstel.destroy()
  await server.stop()
  server.cleanup()
})

it('shows a link added inside the target, named, instead of "no difference"', { timeout: 30_000 }, async () => {
  linkAtEnd(voorstel, target, VOORSTEL_NB, inner.id)
  await voorstel.saved()
  await waitFor(async () => (await theLink())?.state === 'suspect', { message: 'the link to turn suspect' })
  expect(changed(await changes())).toEqual([
    {
      value: `[koppeling: § 2 ${inner.title}]`,
      added: true,
      link: { documentId: VOORSTEL_NB, sectionId: inner.id, state: 'valid', number: '2', title: inner.title },
    },
  ])
})

it('shows a link removed from the target, and names one the reader may not open without a title', async () => {
  const limburg = orderedSections(readCommitted(server.dataDir, VOORSTEL_LIMBURG).doc)[0]
  if (!limburg) throw new Error('no Limburg section')
  // The province's author may not open Limburg's voorstel, nor may the Rijk's: no title in the answer.
  linkAtEnd(voorstel, target, VOORSTEL_LIMBURG, limburg.id)
  await voorstel.saved()
  const review = { sourceSectionId: source, targetDocumentId: VOORSTEL_NB, targetSectionId: target }
  await waitFor(async () => changed(await changes()).some((p) => p.link?.documentId === VOORSTEL_LIMBURG), {
    message: 'the Limburg link in the changes',
  })
  const limburgPart = changed(await changes()).find((p) => p.link?.documentId === VOORSTEL_LIMBURG)
  expect(limburgPart).toEqual({
    value: '[koppeling: geen toegang]',
    added: true,
    link: { documentId: VOORSTEL_LIMBURG, sectionId: limburg.id, state: 'no-access' },
  })
  expect(JSON.stringify(await changes())).not.toContain(limburg.title.toString())
  expect((await api(server, rijk, 'POST', `/api/documents/${DE_PEEL}/links/review`, review)).status).toBe(200)
  expect(changed(await changes())).toEqual([])

  // Now the inner link goes: the only change is its removal.
  const paragraph = view(voorstel, target).content.get(0) as Y.XmlElement
  const at = paragraph.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('sectionId') === inner.id)
  expect(at).toBeGreaterThanOrEqual(0)
  paragraph.delete(at, 1)
  await voorstel.saved()
  await waitFor(async () => (await theLink())?.state === 'suspect', { message: 'the link to turn suspect again' })
  expect(changed(await changes())).toEqual([
    {
      value: `[koppeling: § 2 ${inner.title}]`,
      removed: true,
      link: { documentId: VOORSTEL_NB, sectionId: inner.id, state: 'valid', number: '2', title: inner.title },
    },
  ])
})
