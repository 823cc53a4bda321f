// Dossier exports are rendered on a worker thread (server/src/export/exportPool.ts): while a large
// dossier is being made, everyone else keeps typing and saving, in any document. The pool admits
// NOVEX_EXPORT_THREADS running + NOVEX_EXPORT_QUEUE waiting exports and answers the next with 503
// `export_busy`; a download that is cancelled frees its place at once.
import { orderedSections } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { DE_PEEL, metric, VOORSTEL_NB } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { sign } from '../helpers/signoff.ts'
import { waitFor } from '../helpers/waitFor.ts'

const PARAGRAPHS = 800
const WORDS_PER_PARAGRAPH = 60
const VOCABULARY = 'de peel landbouw natuur water woningbouw energie stikstof grondwater bereikbaarheid'.split(' ')

let server: RunningServer
let reader: string
let typist: TestClient
/** When each of the typist's saves was acknowledged (performance.now()). */
const acknowledged: number[] = []

beforeAll(async () => {
  // One thread and no queue: a second export while one runs is refused, so the limit is visible.
  server = await startServer({ env: { NOVEX_EXPORT_THREADS: '1', NOVEX_EXPORT_QUEUE: '0' } })
  const author = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.rijkAuteur) })
  await author.synced()
  const first = orderedSections(author.doc)[0]
  if (!first) throw new Error('demo document has no sections')
  // About 48,000 words in one section: a dossier the size of a full ontwikkelperspectief.
  author.doc.transact(() => {
    first.content.push(
      Array.from({ length: PARAGRAPHS }, (_, p) => {
        const paragraph = new Y.XmlElement('paragraph')
        const words = Array.from({ length: WORDS_PER_PARAGRAPH }, (_, w) => VOCABULARY[(p + w) % VOCABULARY.length])
        paragraph.insert(0, [new Y.XmlText(`${words.join(' ')}.`)])
        return paragraph
      }),
    )
  })
  await author.saved(30_000)
  author.destroy()
  await sign(server, await login(server, DEMO.rijkOndertekenaar), DE_PEEL, first.id)
  const locked = await sign(server, await login(server, DEMO.provincieOndertekenaar), DE_PEEL, first.id)
  expect(locked.status).toBe(200)
  reader = await login(server, DEMO.rijkAuteur)
  typist = connectClient(server, VOORSTEL_NB, {
    cookie: await login(server, DEMO.provincieAuteur),
    onPersisted: () => acknowledged.push(performance.now()),
  })
  await typist.synced()
}, 120_000)

afterAll(async () => {
  typist?.destroy()
  await server.stop()
  server.cleanup()
})

const exportUrl = (format: string): string => `${server.httpUrl}/api/documents/${DE_PEEL}/export?format=${format}`

/** Types one character and waits for it to be saved, again and again, until `stop` holds. */
async function typeUntil(stop: () => boolean): Promise<void> {
  const text = orderedSections(typist.doc)[0]?.title
  if (!text) throw new Error('voorstel has no sections')
  while (!stop()) {
    text.insert(text.length, '.')
    await typist.saved()
  }
}

it('keeps saving other people’s typing while a large dossier is rendered', async () => {
  let done = false
  const typing = typeUntil(() => done)
  await new Promise((resolve) => setTimeout(resolve, 100))
  const started = performance.now()
  const res = await fetch(exportUrl('pdf'), { headers: { cookie: reader } })
  const bytes = (await res.arrayBuffer()).byteLength
  const finished = performance.now()
  done = true
  await typing
  expect(res.status).toBe(200)
  expect(bytes).toBeGreaterThan(100_000)
  // Saves acknowledged while the export was being made, and the longest wait between two of them.
  const during = acknowledged.filter((t) => t > started && t < finished)
  const moments = [started, ...during, finished]
  const longestWait = Math.max(...moments.slice(1).map((t, i) => t - (moments[i] ?? t)))
  const exportMs = finished - started
  console.info(
    `export ${exportMs.toFixed(0)} ms, ${during.length} saves meanwhile, longest wait ${longestWait.toFixed(0)} ms`,
  )
  // On the event loop, the rendering stopped every save for most of the export.
  expect(during.length).toBeGreaterThanOrEqual(5)
  expect(longestWait).toBeLessThan(exportMs / 2)
}, 60_000)

it('refuses an export beyond the pool’s limit with a clear 503, and takes the next once it is free', async () => {
  const first = fetch(exportUrl('docx'), { headers: { cookie: reader } })
  // The second arrives while the first renders on the only thread, with no queue.
  await new Promise((resolve) => setTimeout(resolve, 50))
  const second = await fetch(exportUrl('odt'), { headers: { cookie: reader } })
  expect(second.status).toBe(503)
  const body = (await second.json()) as { error: { code: string; message: string } }
  expect(body.error.code).toBe('export_busy')
  expect(body.error.message).toMatch(/Probeer het over een minuut opnieuw/)
  expect(await metric(server.httpUrl, 'exports_refused_total')).toBe(1)
  expect((await first).status).toBe(200)
  const third = await fetch(exportUrl('odt'), { headers: { cookie: reader } })
  expect(third.status).toBe(200)
}, 60_000)

it('stops rendering a download that is cancelled, and frees its place', async () => {
  const cancel = new AbortController()
  const abandoned = fetch(exportUrl('pdf'), { headers: { cookie: reader }, signal: cancel.signal }).catch(
    (error: unknown) => error,
  )
  await new Promise((resolve) => setTimeout(resolve, 150))
  cancel.abort()
  expect(await abandoned).toBeInstanceOf(Error)
  // The server noticed, stopped the thread and gave the place back: the next export is taken at once.
  await waitFor(async () => (await metric(server.httpUrl, 'exports_cancelled_total')) === 1, {
    message: 'the cancelled export counted',
  })
  const next = await fetch(exportUrl('md'), { headers: { cookie: reader } })
  expect(next.status).toBe(200)
}, 60_000)
