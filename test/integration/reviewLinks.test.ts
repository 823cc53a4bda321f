// Cross-references in the version comparison and the round report. A QA pass typed "Zie ook " and linked
// voorstel § 4 during IJkmoment 1: the comparison showed "[toegevoegd: Zie ook .]" and the report counted
// only the words, because the comparison read the text without its links. Now each link added or removed
// is a part of its own, named for the reader as the links API names it (docs/links.md): the target's title
// now, "verwijderd" with its last title when it is gone, no title at all where the reader may not look.
import {
  appendSection,
  type DiffPart,
  deleteSection,
  getSection,
  orderedSections,
  type RoundReport,
  type SectionComparison,
  type SectionId,
  type VersionSummary,
} from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { api } from '../helpers/comments.ts'
import { appendLink, DE_PEEL, VOORSTEL_LIMBURG, VOORSTEL_NB } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'

const base = `/api/documents/${DE_PEEL}`
const VOORSTEL_TITLE = 'Ruimtelijk voorstel Noord-Brabant'

let server: RunningServer
let rijk: string
let province: string
let trekker: string
let perspective: TestClient
let voorstel: TestClient
/** The perspective's sections 3 and 4 (where the links are typed), and its section 1 (linked from § 4). */
let three: SectionId
let four: SectionId
let one: { id: SectionId; title: string }
/** Voorstel § 4, linked from the perspective's § 3. */
let target: { id: SectionId; title: string }
let limburg: SectionId
/** A free section of the perspective, linked from § 5 and deleted after the round. */
let appendix: SectionId

const section = (client: TestClient, id: SectionId) => {
  const view = getSection(client.doc, id)
  if (!view) throw new Error(`no section ${id}`)
  return view
}
const linkParts = (parts: readonly DiffPart[]) => parts.filter((p) => p.link)
const inSection = <T extends { sectionId: string }>(list: readonly T[], id: string): T => {
  const found = list.find((s) => s.sectionId === id)
  if (!found) throw new Error(`section ${id} not in the answer`)
  return found
}

beforeAll(async () => {
  server = await startServer()
  rijk = await login(server, DEMO.rijkAuteur)
  province = await login(server, DEMO.provincieAuteur)
  trekker = await login(server, DEMO.rijkOndertekenaar)
  perspective = connectClient(server, DE_PEEL, { cookie: rijk })
  voorstel = connectClient(server, VOORSTEL_NB, { cookie: province })
  await Promise.all([perspective.synced(), voorstel.synced()])
  const sections = orderedSections(perspective.doc)
  const at = (number: string) => {
    const found = sections.find((s) => s.number === number)
    if (!found) throw new Error(`no § ${number}`)
    return found
  }
  three = at('3').id
  four = at('4').id
  one = { id: at('1').id, title: at('1').title.toString() }
  const voorstelFour = orderedSections(voorstel.doc).find((s) => s.number === '4')
  if (!voorstelFour) throw new Error('no voorstel § 4')
  target = { id: voorstelFour.id, title: voorstelFour.title.toString() }
  const limburgFirst = orderedSections(readCommitted(server.dataDir, VOORSTEL_LIMBURG).doc)[0]
  if (!limburgFirst) throw new Error('no Limburg section')
  limburg = limburgFirst.id
  appendix = appendSection(perspective.doc, { title: 'Bijlage kaarten', paragraphs: ['Kaarten.'] })
  await perspective.saved()
})

afterAll(async () => {
  perspective.destroy()
  voorstel.destroy()
  await server.stop()
  server.cleanup()
})

it('names the links added in a round in the report, and counts only the words around them', async () => {
  expect((await api(server, trekker, 'POST', `${base}/review/open`)).status).toBe(200)
  appendLink(section(perspective, three).content, 'Zie ook ', VOORSTEL_NB, target.id)
  // The helper ends the paragraph with a full stop; § 4's link stands last, as in the QA pass.
  const see = appendLink(section(perspective, four).content, 'Zie ', DE_PEEL, one.id)
  see.delete(2, 1)
  appendLink(section(perspective, four).content, 'Zie Limburg ', VOORSTEL_LIMBURG, limburg)
  const appendixNumber = orderedSections(perspective.doc).find((s) => s.id === appendix)?.number
  appendLink(section(perspective, three).content, 'Kaarten: ', DE_PEEL, appendix)
  await perspective.saved()

  const closed = await api<{ report: RoundReport }>(server, trekker, 'POST', `${base}/review/close`)
  expect(closed.status).toBe(200)
  const voorstelLink = `[koppeling: § 4 ${target.title} (${VOORSTEL_TITLE})]`
  const inThree = inSection(closed.body.report.sections, three).changes
  expect(linkParts(inThree.parts)).toEqual([
    {
      value: voorstelLink,
      added: true,
      link: {
        documentId: VOORSTEL_NB,
        sectionId: target.id,
        state: 'valid',
        number: '4',
        title: target.title,
        documentTitle: VOORSTEL_TITLE,
      },
    },
    {
      value: `[koppeling: § ${appendixNumber} Bijlage kaarten]`,
      added: true,
      link: {
        documentId: DE_PEEL,
        sectionId: appendix,
        state: 'valid',
        number: appendixNumber,
        title: 'Bijlage kaarten',
      },
    },
  ])
  // "Zie ook", "Kaarten": the links and the full stops are no words.
  expect(inThree).toMatchObject({ inserted: 3, deleted: 0 })
  const inFour = inSection(closed.body.report.sections, four).changes
  expect(inFour.inserted).toBe(3)
  // A document the reader may not open: no title, no number, no document title.
  expect(linkParts(inFour.parts).map((p) => [p.value, p.link])).toEqual([
    [
      `[koppeling: § 1 ${one.title}]`,
      { documentId: DE_PEEL, sectionId: one.id, state: 'valid', number: '1', title: one.title },
    ],
    ['[koppeling: geen toegang]', { documentId: VOORSTEL_LIMBURG, sectionId: limburg, state: 'no-access' }],
  ])

  // The stored report, read later by another member, names its links the same way.
  const stored = await api<RoundReport>(server, province, 'GET', `${base}/review/1/report`)
  expect(linkParts(inSection(stored.body.sections, three).changes.parts).map((p) => p.value)).toContain(voorstelLink)
  const markdown = await (
    await fetch(`${server.httpUrl}${base}/review/1/report?format=md`, { headers: { cookie: province } })
  ).text()
  expect(markdown).toContain('Tekst: 3 woorden toegevoegd, 0 woorden verwijderd')
  expect(markdown).toContain('Koppelingen: 2 toegevoegd, 0 verwijderd')
  expect(markdown).toContain(`Koppeling toegevoegd: § 4 ${target.title} (${VOORSTEL_TITLE})`)
  expect(markdown).toContain('Koppeling toegevoegd: geen toegang')
  const pdf = await fetch(`${server.httpUrl}${base}/review/1/report?format=pdf`, { headers: { cookie: province } })
  expect(pdf.status).toBe(200)
})

it('shows the links in the comparison, with the title the target has now, or had when it is gone', async () => {
  const versions = (await api<VersionSummary[]>(server, rijk, 'GET', `${base}/versions`)).body
  const start = versions.find((v) => v.kind === 'roundStart' && v.round === 1)
  const end = versions.find((v) => v.kind === 'roundEnd' && v.round === 1)
  const compare = async (from: number | undefined) =>
    (
      await api<{ sections: SectionComparison[] }>(
        server,
        rijk,
        'GET',
        `${base}/versions/compare?from=${from}&to=current`,
      )
    ).body.sections

  const round = inSection(await compare(start?.id), three)
  expect(round.status).toBe('changed')
  const added = round.parts.filter((p) => p.added)
  expect(added.map((p) => p.value).join('')).toContain(`Zie ook [koppeling: § 4 ${target.title} (${VOORSTEL_TITLE})].`)

  // The voorstel's section is renamed and the appendix deleted after the round.
  const renamed = section(voorstel, target.id).title
  renamed.insert(renamed.length, ' in Brabant')
  deleteSection(perspective.doc, appendix)
  await Promise.all([voorstel.saved(), perspective.saved()])
  const after = inSection(await compare(end?.id), three)
  // The links themselves did not change: the section did not either.
  expect(after.status).toBe('same')
  expect(linkParts(after.parts).map((p) => [p.value, p.link?.state])).toEqual([
    [`[koppeling: § 4 ${target.title} in Brabant (${VOORSTEL_TITLE})]`, 'valid'],
    [expect.stringMatching(/^\[koppeling: § \d+ Bijlage kaarten, verwijderd\]$/), 'broken'],
  ])
})
