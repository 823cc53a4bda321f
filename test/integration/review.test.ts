// IJkmomenten: trekkers open and close a round; opening and closing store named versions of their kind,
// closing carries open threads into the next round and produces a report whose counts match; versions can
// be compared per section.
import {
  type CommentThread,
  orderedSections,
  type ReviewState,
  type SectionId,
  type VersionSummary,
} from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { anchorOver, api, firstText } from '../helpers/comments.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

interface Report {
  readonly totals: { opened: number; resolved: number; open: number }
  readonly sections: {
    sectionId: string
    opened: Record<string, number>
    resolved: Record<string, number>
    open: Record<string, number>
    changes: { inserted: number; deleted: number }
  }[]
}
interface Comparison {
  readonly sections: {
    sectionId: string
    status: string
    parts: { value: string; added?: boolean; removed?: boolean }[]
  }[]
}

let server: RunningServer
let author: TestClient
let trekker: string
let province: string
let sectionId: SectionId
const base = `/api/documents/${DE_PEEL}`

beforeAll(async () => {
  server = await startServer()
  province = await login(server, DEMO.provincieAuteur)
  trekker = await login(server, DEMO.rijkOndertekenaar)
  author = connectClient(server, DE_PEEL, { cookie: province })
  await author.synced()
  sectionId = (orderedSections(author.doc)[0] as { id: SectionId }).id
})

afterAll(async () => {
  author.destroy()
  await server.stop()
  server.cleanup()
})

const comment = async (body: string): Promise<CommentThread> => {
  const text = firstText(author.doc, sectionId)
  const answer = await api<CommentThread>(server, province, 'POST', `${base}/comments`, {
    sectionId,
    anchor: anchorOver(text, 0, 4),
    quote: text.toString().slice(0, 4),
    body,
  })
  expect(answer.status).toBe(201)
  return answer.body
}

it('lets only trekkers open a round', async () => {
  expect((await api(server, province, 'POST', `${base}/review/open`)).status).toBe(403)
  const opened = await api<ReviewState>(server, trekker, 'POST', `${base}/review/open`)
  expect(opened.body.active).toBe(1)
  expect((await api(server, trekker, 'POST', `${base}/review/open`)).status).toBe(409)
})

it('closes a round into a version, a report with matching counts, and carried-over threads', async () => {
  // Threads open before the round (the demo's friction point) are still open when it closes.
  const openBefore = [...author.doc.getMap<CommentThread>('comments').values()].filter(
    (t) => t.status === 'open',
  ).length
  const first = await comment('Eerste punt')
  const second = await comment('Tweede punt')
  await comment('Derde punt')
  expect(first.round).toBe(1)
  await api(server, trekker, 'POST', `${base}/comments/${first.id}/resolve`)
  firstText(author.doc, sectionId).insert(0, 'Toegevoegd in ronde een. ')
  await author.saved()

  const closed = await api<{ state: ReviewState; versionId: number; report: Report }>(
    server,
    trekker,
    'POST',
    `${base}/review/close`,
  )
  expect(closed.status).toBe(200)
  expect(closed.body.state.active).toBeNull()
  expect(closed.body.report.totals).toEqual({ opened: 3, resolved: 1, open: openBefore + 2 })
  const row = closed.body.report.sections.find((s) => s.sectionId === sectionId)
  expect(row?.opened).toEqual({ 'Provincie Noord-Brabant': 3 })
  expect(row?.open).toEqual({ 'Provincie Noord-Brabant': 2 })
  expect(row?.changes.inserted).toBe(4)

  // The start and the end of the round, each with its kind (the page names them from it) and a Dutch name
  // that says which it is (the end read "IJkmoment 1" before).
  const versions = await api<VersionSummary[]>(server, province, 'GET', `${base}/versions`)
  expect(versions.body.map(({ kind, round, name }) => ({ kind, round, name }))).toEqual([
    { kind: 'roundStart', round: 1, name: 'Begin IJkmoment 1' },
    { kind: 'roundEnd', round: 1, name: 'Einde IJkmoment 1' },
  ])
  expect(versions.body.at(-1)?.id).toBe(closed.body.versionId)
  const members = await api<{ name: string }[]>(server, province, 'GET', `${base}/members`)
  expect(members.body.map((m) => m.name)).toContain('Eva Smit')
  await waitFor(
    () => {
      const threads = author.doc.getMap<CommentThread>('comments')
      return threads.get(second.id)?.carriedInto.includes(2) && !threads.get(first.id)?.carriedInto.length
    },
    { message: 'open threads carried into round 2' },
  )

  const stored = await api<Report>(server, province, 'GET', `${base}/review/1/report`)
  expect(stored.body.totals).toEqual(closed.body.report.totals)
  const markdown = await fetch(`${server.httpUrl}${base}/review/1/report?format=md`, { headers: { cookie: province } })
  expect(await markdown.text()).toContain(`3 geopend, 1 afgehandeld, ${openBefore + 2} nog open`)
  const pdf = await fetch(`${server.httpUrl}${base}/review/1/report?format=pdf`, { headers: { cookie: province } })
  expect(pdf.headers.get('content-type')).toBe('application/pdf')
  expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-')
})

it('compares two versions per section with insertions and deletions', async () => {
  const text = firstText(author.doc, sectionId)
  text.delete(0, 'Toegevoegd '.length)
  text.insert(0, 'Gewijzigd ')
  await author.saved()
  const versions = await api<VersionSummary[]>(server, province, 'GET', `${base}/versions`)
  const end = versions.body.find((v) => v.kind === 'roundEnd' && v.round === 1)
  const diff = await api<Comparison>(server, province, 'GET', `${base}/versions/compare?from=${end?.id}&to=current`)
  const section = diff.body.sections.find((s) => s.sectionId === sectionId)
  expect(section?.status).toBe('changed')
  expect(section?.parts.filter((p) => p.removed).map((p) => p.value.trim())).toContain('Toegevoegd')
  expect(section?.parts.filter((p) => p.added).map((p) => p.value.trim())).toContain('Gewijzigd')
  expect(diff.body.sections.filter((s) => s.sectionId !== sectionId).every((s) => s.status === 'same')).toBe(true)
  const state = await fetch(`${server.httpUrl}${base}/versions/${end?.id}`, { headers: { cookie: province } })
  expect(state.headers.get('content-type')).toBe('application/octet-stream')
  expect((await state.arrayBuffer()).byteLength).toBeGreaterThan(100)
})
