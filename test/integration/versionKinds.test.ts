// The kind of a named version through the real server and its SQLite file. A database whose versions an
// older server stored by name only ("Begin IJkmoment 1", "IJkmoment 1") is migrated: the API answers each
// with its kind, the end as "Einde IJkmoment 1", and a round opened before the upgrade is closed against
// its start. The start of a round is found by its kind: before, the server looked for a name beginning
// with 'Begin', and a start stored under any other name made the report compare with an empty document.
import { openDatabase } from '@novex/server'
import { orderedSections, type SectionId, type VersionSummary } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { api, firstText } from '../helpers/comments.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'

interface Closed {
  readonly versionId: number
  readonly report: { readonly sections: { sectionId: string; changes: { inserted: number; deleted: number } }[] }
}

let server: RunningServer
let author: TestClient | null = null
let trekker: string
let reader: string
let sectionId: SectionId
const base = `/api/documents/${DE_PEEL}`

async function start(dataDir?: string): Promise<void> {
  server = await startServer(dataDir === undefined ? {} : { dataDir })
  trekker = await login(server, DEMO.rijkOndertekenaar)
  reader = await login(server, DEMO.lezer)
  const province = await login(server, DEMO.provincieAuteur)
  author = connectClient(server, DE_PEEL, { cookie: province })
  await author.synced()
  sectionId = (orderedSections(author.doc)[0] as { id: SectionId }).id
}

async function stop(): Promise<void> {
  author?.destroy()
  author = null
  await server.stop()
}

/** Adds `words` at the start of the first section, committed. */
async function write(words: string): Promise<void> {
  if (!author) throw new Error('no author')
  firstText(author.doc, sectionId).insert(0, words)
  await author.saved()
}

async function round(what: 'open' | 'close'): Promise<Closed> {
  const answer = await api<Closed>(server, trekker, 'POST', `${base}/review/${what}`)
  expect(answer.status).toBe(200)
  return answer.body
}

const insertedIn = (closed: Closed): number | undefined =>
  closed.report.sections.find((s) => s.sectionId === sectionId)?.changes.inserted

async function versions(): Promise<Pick<VersionSummary, 'kind' | 'round' | 'name'>[]> {
  const answer = await api<VersionSummary[]>(server, reader, 'GET', `${base}/versions`)
  expect(answer.status).toBe(200)
  return answer.body.map(({ kind, round, name }) => ({ kind, round, name }))
}

beforeAll(async () => {
  await start()
})

afterAll(async () => {
  await stop()
  server.cleanup()
})

it('reads the versions of a database from before kinds, and closes a round opened before the upgrade', async () => {
  await round('open')
  await round('close')
  await round('open')
  await write('Geschreven in ronde twee. ')
  // The table as a server before migration v17 left it: no kind, the end of a round named "IJkmoment 1".
  await stop()
  const db = openDatabase(server.dataDir)
  db.exec(`
    ALTER TABLE document_versions DROP COLUMN kind;
    UPDATE document_versions SET name = 'IJkmoment ' || round WHERE name = 'Einde IJkmoment ' || round;
  `)
  db.pragma('user_version = 16')
  expect(db.prepare('SELECT name FROM document_versions ORDER BY id').pluck().all()).toEqual([
    'Begin IJkmoment 1',
    'IJkmoment 1',
    'Begin IJkmoment 2',
  ])
  db.close()

  await start(server.dataDir)
  expect(await versions()).toEqual([
    { kind: 'roundStart', round: 1, name: 'Begin IJkmoment 1' },
    { kind: 'roundEnd', round: 1, name: 'Einde IJkmoment 1' },
    { kind: 'roundStart', round: 2, name: 'Begin IJkmoment 2' },
  ])
  // Round 2 closes against its start, found by the kind the migration gave it: four words were written.
  const closed = await round('close')
  expect(insertedIn(closed)).toBe(4)
  expect((await versions()).at(-1)).toEqual({ kind: 'roundEnd', round: 2, name: 'Einde IJkmoment 2' })
})

it('finds the start of a round by its kind, whatever name it is stored under', async () => {
  await round('open')
  // Only the kind says it is the start of round 3 (the server wrote the connection's changes already).
  const db = openDatabase(server.dataDir, 5_000)
  db.prepare(`UPDATE document_versions SET name = 'Stand bij opening' WHERE kind = 'roundStart' AND round = 3`).run()
  db.close()
  await write('Geschreven in ronde drie. ')
  const closed = await round('close')
  // Compared with an empty document (the start not found), every word of the section would count.
  expect(insertedIn(closed)).toBe(4)
  expect((await versions()).slice(-2)).toEqual([
    { kind: 'roundStart', round: 3, name: 'Stand bij opening' },
    { kind: 'roundEnd', round: 3, name: 'Einde IJkmoment 3' },
  ])
})
