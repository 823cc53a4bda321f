// Acknowledge after persist, and restarts (clean and kill -9) that lose nothing acknowledged and
// duplicate nothing.
import { CloseCode, orderedSections } from '@novex/shared'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { appendParagraph, metric, outline } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'

const DOC = 'ruimtelijk-voorstel-noord-brabant'
let servers: RunningServer[] = []
let clients: TestClient[] = []

afterEach(async () => {
  for (const c of clients) c.destroy()
  for (const s of servers) await s.stop()
  for (const s of servers) s.cleanup()
  servers = []
  clients = []
})

const countOf = (haystack: string, needle: string): number => haystack.split(needle).length - 1
const allText = (doc: Y.Doc): string => outline(doc).join('\n')

function firstSection(doc: Y.Doc) {
  const section = orderedSections(doc)[0]
  if (!section) throw new Error('no sections')
  return section
}

describe('acknowledge after persist', () => {
  it('sends the persisted ack only once the update is committed in SQLite, and broadcasts only committed updates', async () => {
    const server = await startServer()
    servers.push(server)
    const seenAtAck: boolean[] = []
    const seenAtBroadcast: boolean[] = []
    const writer = connectClient(server, DOC, {
      cookie: await login(server, DEMO.rijkAuteur),
      onPersisted: () => seenAtAck.push(allText(readCommitted(server.dataDir, DOC).doc).includes('ACK-PROBE')),
    })
    const reader = connectClient(server, DOC, { cookie: await login(server, DEMO.rijkAuteur) })
    clients.push(writer, reader)
    await Promise.all([writer.synced(), reader.synced()])
    reader.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === reader.provider && allText(reader.doc).includes('ACK-PROBE')) {
        seenAtBroadcast.push(allText(readCommitted(server.dataDir, DOC).doc).includes('ACK-PROBE'))
      }
    })
    appendParagraph(firstSection(writer.doc).content, 'ACK-PROBE')
    await writer.saved()
    await waitFor(() => seenAtBroadcast.length > 0, { message: 'broadcast to reader' })
    expect(seenAtAck.at(-1)).toBe(true)
    expect(seenAtBroadcast[0]).toBe(true)
  })

  it('groups the updates of one burst into few rows', async () => {
    const server = await startServer()
    servers.push(server)
    const writer = connectClient(server, DOC, { cookie: await login(server, DEMO.rijkAuteur) })
    clients.push(writer)
    await writer.synced()
    const before = readCommitted(server.dataDir, DOC).rows
    const title = firstSection(writer.doc).title
    // 200 separate transactions sent back to back, like fast typing.
    for (let i = 0; i < 200; i++) title.insert(title.length, 'x')
    await writer.saved()
    const after = readCommitted(server.dataDir, DOC)
    expect(after.rows - before).toBeGreaterThan(0)
    expect(after.rows - before).toBeLessThan(200)
    expect(firstSection(after.doc).title.toString().endsWith('x'.repeat(200))).toBe(true)
  })
})

describe('restarts', () => {
  for (const mode of ['SIGTERM', 'SIGKILL'] as const) {
    it(`loses nothing acknowledged and duplicates nothing across a ${mode} restart`, async () => {
      const first = await startServer()
      servers.push(first)
      const a = connectClient(first, DOC, { cookie: await login(first, DEMO.rijkAuteur) })
      const b = connectClient(first, DOC, { cookie: await login(first, DEMO.rijkAuteur) })
      clients.push(a, b)
      await Promise.all([a.synced(), b.synced()])
      const markers: string[] = []
      for (let i = 0; i < 30; i++) {
        const marker = `<${mode}-A${i}>`
        markers.push(marker)
        appendParagraph(firstSection(a.doc).content, marker)
        const mb = `<${mode}-B${i}>`
        markers.push(mb)
        appendParagraph(orderedSections(b.doc)[1]!.content, mb)
      }
      await Promise.all([a.saved(), b.saved()])
      const closeCodes: number[] = []
      a.provider.on('connection-close', (event) => {
        if (event) closeCodes.push(event.code)
      })
      if (mode === 'SIGTERM') {
        expect(await first.stop()).toBe(0)
        // A clean shutdown tells clients it is a restart (they reconnect); a crash cannot.
        await waitFor(() => closeCodes.length > 0, { message: 'close event' })
        expect(closeCodes[0]).toBe(CloseCode.restart)
      } else await first.kill()

      const second = await startServer({ dataDir: first.dataDir, env: { PORT: String(first.port) } })
      servers.push(second)
      // A fresh client sees every acknowledged edit exactly once.
      const fresh = connectClient(second, DOC, { cookie: await login(second, DEMO.rijkAuteur) })
      clients.push(fresh)
      await fresh.synced()
      const text = allText(fresh.doc)
      for (const m of markers) expect(countOf(text, m)).toBe(1)

      // The old clients reconnect by themselves, resend their state, and nothing doubles.
      await waitFor(() => a.provider.wsconnected && b.provider.wsconnected && a.provider.synced && b.provider.synced, {
        timeout: 15_000,
        message: 'old clients to reconnect',
      })
      appendParagraph(firstSection(a.doc).content, `${mode}-after`)
      await a.saved()
      await waitFor(() => allText(fresh.doc).includes(`${mode}-after`), { message: 'post-restart edit' })
      await waitFor(() => allText(a.doc) === allText(fresh.doc) && allText(b.doc) === allText(fresh.doc), {
        message: 'convergence after restart',
      })
      const committed = allText(readCommitted(second.dataDir, DOC).doc)
      expect(committed).toBe(allText(fresh.doc))
      for (const m of markers) expect(countOf(committed, m)).toBe(1)
    })
  }
})

describe('compaction', () => {
  it('compacts the log into a snapshot while clients type, and reloads the same document', async () => {
    const server = await startServer({ env: { NOVEX_COMPACT_AFTER: '10' } })
    servers.push(server)
    const writer = connectClient(server, DOC, { cookie: await login(server, DEMO.rijkAuteur) })
    clients.push(writer)
    await writer.synced()
    for (let i = 0; i < 60; i++) {
      appendParagraph(firstSection(writer.doc).content, `<C${i}>`)
      if (i % 5 === 0) await writer.saved()
    }
    await writer.saved()
    // Compacted while typing (with a batch, in the group commit), not only when the room went idle.
    expect(await metric(server.httpUrl, 'compactions_total')).toBeGreaterThanOrEqual(1)
    const committed = readCommitted(server.dataDir, DOC)
    expect(committed.rows).toBeLessThan(10)
    expect(allText(committed.doc)).toBe(allText(writer.doc))
    await server.stop()
    const again = await startServer({ dataDir: server.dataDir })
    servers.push(again)
    const reader = connectClient(again, DOC, { cookie: await login(again, DEMO.rijkAuteur) })
    clients.push(reader)
    await reader.synced()
    expect(allText(reader.doc)).toBe(allText(writer.doc))
    for (let i = 0; i < 60; i++) expect(countOf(allText(reader.doc), `<C${i}>`)).toBe(1)
  })
})
