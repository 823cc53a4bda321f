// Work after a commit (the link index, here) that fails must not take the server down, nor stop the
// room: the edit is stored and acknowledged, later edits too, and the failure is logged loudly.
import { openDatabase } from '@novex/server'
import { getSection, orderedSections, type SectionId } from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { appendLink, appendParagraph, DE_PEEL, metric, VOORSTEL_NB } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'

let server: RunningServer
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

describe('a failure after the commit', () => {
  it('keeps the server and the room going when the link index cannot be written', async () => {
    const rijk = await login(server, DEMO.rijkAuteur)
    const province = await login(server, DEMO.provincieAuteur)
    const perspective = connectClient(server, DE_PEEL, { cookie: rijk })
    const voorstel = connectClient(server, VOORSTEL_NB, { cookie: province })
    clients.push(perspective, voorstel)
    await Promise.all([perspective.synced(), voorstel.synced()])
    const source = orderedSections(perspective.doc)[1]?.id as SectionId
    const target = orderedSections(voorstel.doc)[0]?.id as SectionId

    const db = openDatabase(server.dataDir)
    db.exec(`CREATE TRIGGER refuse_links BEFORE INSERT ON section_links BEGIN SELECT RAISE(FAIL, 'index weigert'); END`)
    db.close()
    const content = getSection(perspective.doc, source)?.content
    if (!content) throw new Error('no section')
    appendLink(content, 'Zie ', VOORSTEL_NB, target)
    await perspective.saved()
    appendParagraph(content, 'Daarna nog een zin.')
    await perspective.saved()
    expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200)
    expect(await metric(server.httpUrl, 'after_commit_failures_total')).toBeGreaterThan(0)
    const stored = readCommitted(server.dataDir, DE_PEEL).doc
    expect(JSON.stringify(getSection(stored, source)?.content.toJSON())).toContain('Daarna nog een zin.')
    expect(server.logs.some((l) => l.includes('index weigert'))).toBe(true)
  })
})
