// Section links across the perspective and a voorstel, with real clients: the live title follows a
// rename (also after a restart), a move keeps the link valid, an edit makes it suspect until reviewed,
// a delete breaks it with its last known title, backlinks follow, and a reader without access to the
// target gets no title or text from it, neither from the API nor over the sync connection.
import {
  getSection,
  LINKS_REVISION_KEY,
  metaMap,
  orderedSections,
  readSignoff,
  type SectionId,
  sectionPlainText,
  sectionsMap,
} from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { api } from '../helpers/comments.ts'
import { appendLink, appendParagraph, DE_PEEL, VOORSTEL_LIMBURG, VOORSTEL_NB } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { reopen, sign } from '../helpers/signoff.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'

interface Link {
  sourceSectionId: string
  targetDocumentId: string
  targetSectionId: string
  state: string
  title?: string
  number?: string
  documentTitle?: string
}
interface Backlink {
  targetSectionId: string
  sourceDocumentId: string
  sourceSectionId: string
  sourceTitle: string
  context: string
}

let server: RunningServer
let rijk: string
let province: string
let perspective: TestClient
let voorstel: TestClient
let source: SectionId
let targets: SectionId[]

async function open(): Promise<void> {
  rijk = await login(server, DEMO.rijkAuteur)
  province = await login(server, DEMO.provincieAuteur)
  perspective = connectClient(server, DE_PEEL, { cookie: rijk })
  voorstel = connectClient(server, VOORSTEL_NB, { cookie: province })
  await Promise.all([perspective.synced(), voorstel.synced()])
}

beforeAll(async () => {
  server = await startServer()
  await open()
  source = (orderedSections(perspective.doc)[1] as { id: SectionId }).id
  targets = orderedSections(voorstel.doc).map((s) => s.id)
})

afterAll(async () => {
  perspective.destroy()
  voorstel.destroy()
  await server.stop()
  server.cleanup()
})

const linksOf = async (cookie: string, documentId = DE_PEEL) =>
  (await api<Link[]>(server, cookie, 'GET', `/api/documents/${documentId}/links`)).body
const target = (index: number) => targets[index] as SectionId
const contentOf = (client: TestClient, id: SectionId) => {
  const view = getSection(client.doc, id)
  if (!view) throw new Error(`no section ${id}`)
  return view
}
/** Reopens a locked section (both parties), so later tests can add links to it. */
const reopenBoth = async (sectionId: SectionId): Promise<void> => {
  await reopen(server, await login(server, DEMO.rijkOndertekenaar), DE_PEEL, sectionId, 'Verder koppelen')
  const done = await reopen<{ reopened: boolean }>(
    server,
    await login(server, DEMO.provincieOndertekenaar),
    DE_PEEL,
    sectionId,
    '',
  )
  expect(done.body.reopened).toBe(true)
  await waitFor(() => readSignoff(perspective.doc, sectionId).locked === null, { message: 'the section reopened' })
}
const linkTo = async (index: number) => {
  const found = await waitFor(
    async () => (await linksOf(rijk)).find((l) => l.targetSectionId === target(index) && l.state !== 'no-access'),
    { message: `link to target ${index}` },
  )
  return found
}

describe('section links', { timeout: 90_000 }, () => {
  it('shows the target title, and a backlink with the sentence on the target', async () => {
    const targetRevision = metaMap(voorstel.doc).get(LINKS_REVISION_KEY)
    appendLink(contentOf(perspective, source).content, 'Zie voor de woningbouw ', VOORSTEL_NB, target(0))
    await perspective.saved()
    // The target's clients learn of the new backlink live.
    await waitFor(() => metaMap(voorstel.doc).get(LINKS_REVISION_KEY) !== targetRevision, {
      message: 'a links revision bump on the target',
    })
    const link = await linkTo(0)
    expect(link).toMatchObject({
      state: 'valid',
      title: contentOf(voorstel, target(0)).title.toString(),
      documentTitle: 'Ruimtelijk voorstel Noord-Brabant',
    })
    const backlinks = (await api<Backlink[]>(server, province, 'GET', `/api/documents/${VOORSTEL_NB}/backlinks`)).body
    expect(backlinks).toContainEqual(
      expect.objectContaining({
        targetSectionId: target(0),
        sourceDocumentId: DE_PEEL,
        sourceSectionId: source,
        context: 'Zie voor de woningbouw […].',
      }),
    )
  })

  it('follows a rename of the target live, and after a restart', async () => {
    const revision = metaMap(perspective.doc).get(LINKS_REVISION_KEY)
    const title = contentOf(voorstel, target(0)).title
    title.insert(title.length, ' (herzien)')
    await voorstel.saved()
    await waitFor(() => metaMap(perspective.doc).get(LINKS_REVISION_KEY) !== revision, {
      message: 'a links revision bump',
    })
    expect((await linkTo(0)).title).toMatch(/\(herzien\)$/)
    perspective.destroy()
    voorstel.destroy()
    await server.stop()
    server = await startServer({ dataDir: server.dataDir })
    await open()
    expect((await linkTo(0)).title).toMatch(/\(herzien\)$/)
  })

  it('stays valid when the target moves, turns suspect on an edit, and valid again once reviewed', async () => {
    const view = contentOf(voorstel, target(0))
    const last = orderedSections(voorstel.doc).at(-1)
    view.map.set('rank', `${last?.rank ?? 'm'}z`)
    await voorstel.saved()
    expect((await linkTo(0)).state).toBe('valid')
    appendParagraph(view.content, 'Nieuwe afspraak over 2.000 woningen.')
    await voorstel.saved()
    await waitFor(async () => (await linkTo(0)).state === 'suspect', { message: 'the link to turn suspect' })
    const changes = await api<{ parts: { value: string; added?: boolean }[] }>(
      server,
      rijk,
      'GET',
      `/api/documents/${DE_PEEL}/links/changes?sourceSection=${source}&targetDocument=${VOORSTEL_NB}&targetSection=${target(0)}`,
    )
    expect(
      changes.body.parts
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toContain('2.000 woningen')
    const reader = await login(server, DEMO.lezer)
    const review = { sourceSectionId: source, targetDocumentId: VOORSTEL_NB, targetSectionId: target(0) }
    expect((await api(server, reader, 'POST', `/api/documents/${DE_PEEL}/links/review`, review)).status).toBe(403)
    expect((await api(server, rijk, 'POST', `/api/documents/${DE_PEEL}/links/review`, review)).status).toBe(200)
    expect((await linkTo(0)).state).toBe('valid')
  })

  it('takes the target as it is when the linking section is signed off as the new baseline', async () => {
    appendParagraph(contentOf(voorstel, target(0)).content, 'Nog een wijziging na de beoordeling.')
    await voorstel.saved()
    await waitFor(async () => (await linkTo(0)).state === 'suspect', { message: 'the link to turn suspect' })
    await sign(server, await login(server, DEMO.rijkOndertekenaar), DE_PEEL, source)
    const locked = await sign<{ locked: boolean }>(
      server,
      await login(server, DEMO.provincieOndertekenaar),
      DE_PEEL,
      source,
    )
    expect(locked.body.locked).toBe(true)
    await waitFor(async () => (await linkTo(0)).state === 'valid', { message: 'the signed-off baseline' })
    await reopenBoth(source)
  })

  it('breaks with the last known title when the target is deleted', async () => {
    appendLink(contentOf(perspective, source).content, 'En ook ', VOORSTEL_NB, target(2))
    await perspective.saved()
    const title = (await linkTo(2)).title
    sectionsMap(voorstel.doc).delete(target(2))
    await voorstel.saved()
    await waitFor(async () => (await linkTo(2)).state === 'broken', { message: 'the link to break' })
    expect((await linkTo(2)).title).toBe(title)
  })

  it('keeps backlinks right through concurrent link edits in two documents and a restart', async () => {
    const back = orderedSections(perspective.doc)[3] as { id: SectionId }
    const added = appendLink(contentOf(voorstel, target(1)).content, 'Zie het perspectief ', DE_PEEL, back.id)
    appendLink(contentOf(perspective, source).content, 'Vergelijk ', VOORSTEL_NB, target(1))
    const removed = appendLink(contentOf(perspective, back.id).content, 'Tijdelijk ', VOORSTEL_NB, target(1))
    await Promise.all([perspective.saved(), voorstel.saved()])
    const fragment = contentOf(perspective, back.id).content
    fragment.delete(fragment.toArray().indexOf(removed), 1)
    await perspective.saved()
    const expected = async () => {
      const onVoorstel = (await api<Backlink[]>(server, province, 'GET', `/api/documents/${VOORSTEL_NB}/backlinks`))
        .body
      const onPerspective = (await api<Backlink[]>(server, rijk, 'GET', `/api/documents/${DE_PEEL}/backlinks`)).body
      expect(onVoorstel.filter((b) => b.targetSectionId === target(1)).map((b) => b.sourceSectionId)).toEqual([source])
      expect(onPerspective.filter((b) => b.targetSectionId === back.id).map((b) => b.sourceSectionId)).toEqual([
        target(1),
      ])
    }
    await expected()
    expect(added.length).toBeGreaterThan(0)
    perspective.destroy()
    voorstel.destroy()
    await server.stop()
    server = await startServer({ dataDir: server.dataDir })
    await open()
    await expected()
  })

  it('shows "no access" without any title or text of a document the reader cannot open', async () => {
    const limburg = readCommitted(server.dataDir, VOORSTEL_LIMBURG).doc
    const secret = orderedSections(limburg)[0]
    if (!secret) throw new Error('no Limburg section')
    // The demo voorstellen share section titles; the text of Limburg's own section is what must not leak.
    const secretTitle = sectionPlainText(secret).slice(0, 60)
    expect(secretTitle.length).toBeGreaterThan(20)
    appendLink(contentOf(perspective, source).content, 'Zie Limburg ', VOORSTEL_LIMBURG, secret.id)
    await perspective.saved()
    const link = await waitFor(async () => (await linksOf(rijk)).find((l) => l.targetDocumentId === VOORSTEL_LIMBURG), {
      message: 'the Limburg link',
    })
    expect(link).toEqual({
      sourceSectionId: source,
      targetDocumentId: VOORSTEL_LIMBURG,
      targetSectionId: secret.id,
      state: 'no-access',
      baselineAt: null,
    })
    const everything = JSON.stringify((await api(server, rijk, 'GET', `/api/documents/${DE_PEEL}/links`)).body)
    expect(everything).not.toContain(secretTitle)
    const overSync = new TextDecoder().decode(Y.encodeStateAsUpdate(perspective.doc))
    expect(overSync).not.toContain(secretTitle)
    const wisselwerking = await api<{ voorstellen: { documentId: string }[]; links: Link[] }>(
      server,
      rijk,
      'GET',
      '/api/areas/de-peel/wisselwerking',
    )
    expect(wisselwerking.body.voorstellen.map((v) => v.documentId)).toEqual([VOORSTEL_NB])
    expect(wisselwerking.body.links.some((l) => l.targetSectionId === target(1))).toBe(true)
    expect(JSON.stringify(wisselwerking.body)).not.toContain(secretTitle)
  })
})
