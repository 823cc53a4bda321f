// Two or more real WebsocketProviders against the real server process: convergence, late joiners, and
// that a stock provider works unmodified.
import { MessageType, orderedSections } from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { appendParagraph, DE_PEEL, metric, outline } from '../helpers/documents.ts'
import { barrier, readFrame, syncStep2, syncUpdate } from '../helpers/frames.ts'
import { openRaw } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let rijk: string
let provincie: string
const clients: TestClient[] = []
const connect = (documentId: string, options: { cookie?: string; app?: boolean } = {}) => {
  const client = connectClient(server, documentId, { cookie: options.cookie ?? rijk, app: options.app ?? true })
  clients.push(client)
  return client
}

beforeAll(async () => {
  server = await startServer()
  rijk = await login(server, DEMO.rijkAuteur)
  provincie = await login(server, DEMO.provincieAuteur)
})

afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

describe('real-time sync', () => {
  it('serves the seeded demo document to a client', async () => {
    const a = connect(DE_PEEL)
    await a.synced()
    const sections = orderedSections(a.doc)
    expect(sections).toHaveLength(8)
    expect(sections.map((s) => s.component)).toContain('ruimtelijke-keuzes')
    expect(outline(a.doc)[0]).toContain('De hoofdopgave in De Peel')
  })

  it('converges two clients that edit the same section at once, and a late joiner sees it all', async () => {
    const a = connect(DE_PEEL)
    const b = connect(DE_PEEL, { cookie: provincie })
    await Promise.all([a.synced(), b.synced()])
    const sectionA = orderedSections(a.doc)[1]
    const sectionB = orderedSections(b.doc)[1]
    if (!sectionA || !sectionB) throw new Error('missing section')
    expect(sectionA.id).toBe(sectionB.id)
    // Concurrent: both write before either sees the other.
    for (let i = 0; i < 20; i++) {
      appendParagraph(sectionA.content, `Rijk ${i}`)
      sectionB.title.insert(0, `${i}`)
      const firstParagraph = sectionB.content.get(0)
      if (firstParagraph instanceof Y.XmlElement) (firstParagraph.get(0) as Y.XmlText).insert(0, `P${i} `)
    }
    await Promise.all([a.saved(), b.saved()])
    await waitFor(() => JSON.stringify(outline(a.doc)) === JSON.stringify(outline(b.doc)), { message: 'convergence' })
    const text = outline(a.doc)[1] ?? ''
    for (let i = 0; i < 20; i++) {
      expect(text).toContain(`Rijk ${i}`)
      expect(text).toContain(`P${i} `)
    }

    const late = connect(DE_PEEL, { cookie: await login(server, DEMO.lezer) })
    await late.synced()
    expect(outline(late.doc)).toEqual(outline(a.doc))
  })

  it('lets an unmodified y-websocket provider sync and sends it no application frames', async () => {
    const stock = connect(DE_PEEL, { app: false })
    const other = connect(DE_PEEL, { cookie: provincie })
    await Promise.all([stock.synced(), other.synced()])
    orderedSections(stock.doc)[0]?.title.insert(0, 'Stock: ')
    await waitFor(() => orderedSections(other.doc)[0]?.title.toString().startsWith('Stock: '), {
      message: 'stock edit to arrive',
    })
    expect(stock.appFrames).toEqual([])
  })

  it('answers 404 at the upgrade for an unknown document, before any socket exists', async () => {
    const outcome = await openRaw(`${server.wsUrl}/bestaat-niet`, { cookie: rijk })
    expect(outcome.kind).toBe('refused')
    if (outcome.kind === 'refused') {
      expect(outcome.status).toBe(404)
      expect(JSON.parse(outcome.body)).toEqual({ error: { code: '404', message: 'Dit document bestaat niet.' } })
    }
  })

  it('unloads a document once its last client has left and its writes succeeded', async () => {
    const id = 'ruimtelijk-voorstel-noord-brabant'
    const c = connect(id)
    await c.synced()
    orderedSections(c.doc)[0]?.title.insert(0, 'x')
    await c.saved()
    const before = await metric(server.httpUrl, 'rooms_open')
    expect(before).toBeGreaterThanOrEqual(1)
    c.destroy()
    await waitFor(async () => (await metric(server.httpUrl, 'rooms_open')) === before - 1, { message: 'room unloaded' })
  })

  it('counts the time the update gate spends on each update in /metrics (the benchmark reads it)', async () => {
    const c = connect(DE_PEEL)
    await c.synced()
    const gatedBefore = await metric(server.httpUrl, 'gate_seconds_total')
    const acceptedBefore = await metric(server.httpUrl, 'updates_accepted_total')
    const title = orderedSections(c.doc)[1]?.title
    for (let i = 0; i < 20; i++) title?.insert(0, 'g')
    await c.saved()
    const accepted = (await metric(server.httpUrl, 'updates_accepted_total')) - acceptedBefore
    const gated = (await metric(server.httpUrl, 'gate_seconds_total')) - gatedBefore
    expect(accepted).toBeGreaterThanOrEqual(1)
    // Each gated update adds its time: more than nothing, and far below a second for a few keystrokes.
    expect(gated).toBeGreaterThan(0)
    expect(gated / accepted).toBeLessThan(0.05)
  })
})

// A page comes back online with changes the server has not seen (offline edits, kept in the page's
// local copy) and the user types on at once. y-websocket's provider sends that keystroke the moment the
// socket opens, before the sync exchange has carried the offline changes over; the keystroke's update
// then refers to structs the server does not have yet. The server must wait for the exchange instead of
// refusing it: a refusal makes our page rebuild the whole document, and leaves a stock provider unaware.
function titleOf(client: TestClient, index: number): string {
  return orderedSections(client.doc)[index]?.title.toString() ?? ''
}

describe('an edit sent as the socket opens, after offline edits', () => {
  for (const app of [true, false]) {
    it(`is applied, not refused (${app ? 'our page' : 'a stock provider'})`, async () => {
      const index = app ? 2 : 3
      const writer = connect(DE_PEEL, { app })
      const other = connect(DE_PEEL, { cookie: provincie })
      await Promise.all([writer.synced(), other.synced()])
      const refusedBefore = await metric(server.httpUrl, 'updates_refused_total')

      writer.provider.disconnect()
      const title = orderedSections(writer.doc)[index]?.title
      if (!title) throw new Error('De Peel has too few sections')
      title.insert(0, 'Offline. ')
      // The next keystroke goes out as soon as the socket is open: before the server's sync step 1 is in.
      let typedAtOpen = false
      writer.provider.on('status', ({ status }: { status: string }) => {
        if (status !== 'connected' || typedAtOpen) return
        typedAtOpen = true
        title.insert(0, 'Meteen. ')
      })
      writer.provider.connect()

      await waitFor(() => titleOf(other, index).startsWith('Meteen. Offline. '), {
        message: 'both edits at the other client',
      })
      if (app) await writer.saved()
      expect(typedAtOpen).toBe(true)
      expect(writer.appFrames).not.toContain(MessageType.refused)
      expect(await metric(server.httpUrl, 'updates_refused_total')).toBe(refusedBefore)
    })
  }

  it('acknowledges a barrier sent after a held update only once that update is stored', async () => {
    const source = connect(DE_PEEL)
    await source.synced()
    const local = new Y.Doc()
    Y.applyUpdate(local, Y.encodeStateAsUpdate(source.doc))
    const title = orderedSections(local)[4]?.title
    if (!title) throw new Error('De Peel has too few sections')
    const before = Y.encodeStateVector(local)
    title.insert(0, 'Eerst. ')
    const offline = Y.encodeStateAsUpdate(local, before)
    const afterOffline = Y.encodeStateVector(local)
    title.insert(0, 'Dan. ')
    const early = Y.encodeStateAsUpdate(local, afterOffline)

    const outcome = await openRaw(`${server.wsUrl}/${DE_PEEL}?app=1`, { cookie: rijk })
    if (outcome.kind !== 'open') throw new Error('could not connect')
    const raw = outcome.socket
    try {
      // The early edit and a barrier, then a question the server answers: once the answer is in, the
      // barrier was handled, and it must not have been acknowledged (the edit is held, not stored).
      raw.sendTogether([syncUpdate(early), barrier(7), Uint8Array.of(MessageType.queryAwareness)])
      const frameTypes = (): number[] => raw.frames.map((f) => readFrame(f).type)
      await waitFor(() => frameTypes().includes(MessageType.awareness), { message: 'the presence answer' })
      expect(frameTypes()).not.toContain(MessageType.persisted)
      expect(frameTypes()).not.toContain(MessageType.refused)

      // The answer to the server's step 1 brings the offline edit: both are stored, then acknowledged.
      raw.send(syncStep2(offline))
      await waitFor(() => frameTypes().includes(MessageType.persisted), { message: 'the acknowledgement' })
      expect(frameTypes()).not.toContain(MessageType.refused)
      await waitFor(() => orderedSections(source.doc)[4]?.title.toString().startsWith('Dan. Eerst. '), {
        message: 'both edits at the other client',
      })
    } finally {
      raw.close()
    }
  })
})
