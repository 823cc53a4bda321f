// Locked sections are verified against the stored content at start-up and before every export. Text
// changed behind the server's back (here: written straight into the SQLite log while it was stopped) is
// reported loudly, shown as unverified, and stops the export; it is never hidden.
import { createSqliteDocumentStore, openDatabase } from '@novex/server'
import { getSection, orderedSections } from '@novex/shared'
import { expect, it } from 'vitest'
import { connectClient } from '../helpers/client.ts'
import { appendParagraph, DE_PEEL } from '../helpers/documents.ts'
import { startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { getJson, sign } from '../helpers/signoff.ts'
import { readCommitted } from '../helpers/storage.ts'

it('reports a locked section whose stored text no longer matches, at start-up and on export', async () => {
  let server = await startServer()
  const cookie = await login(server, DEMO.rijkAuteur)
  const client = connectClient(server, DE_PEEL, { cookie })
  await client.synced()
  const sectionId = orderedSections(client.doc)[0]?.id
  if (!sectionId) throw new Error('no section')
  client.destroy()
  await sign(server, await login(server, DEMO.rijkOndertekenaar), DE_PEEL, sectionId)
  await sign(server, await login(server, DEMO.provincieOndertekenaar), DE_PEEL, sectionId)
  await server.stop()

  // Tamper: a change to the locked section, appended to the log directly.
  const stored = readCommitted(server.dataDir, DE_PEEL).doc
  const updates: Uint8Array[] = []
  stored.on('update', (u: Uint8Array) => updates.push(u))
  const view = getSection(stored, sectionId)
  if (!view) throw new Error('no section on disk')
  appendParagraph(view.content, 'Stiekem toegevoegd.')
  const db = openDatabase(server.dataDir)
  createSqliteDocumentStore(db).append(DE_PEEL, updates)
  db.close()

  server = await startServer({ dataDir: server.dataDir })
  try {
    expect(server.logs.some((line) => line.includes('HASH MISMATCH') && line.includes(sectionId))).toBe(true)
    const fresh = await login(server, DEMO.rijkAuteur)
    const overview = await getJson<{ sections: { sectionId: string; verified: boolean }[] }>(
      server,
      fresh,
      `/api/documents/${DE_PEEL}/signoffs`,
    )
    expect(overview.body.sections.find((s) => s.sectionId === sectionId)?.verified).toBe(false)
    const exported = await getJson<{ error: { code: string } }>(
      server,
      fresh,
      `/api/documents/${DE_PEEL}/export?format=md`,
    )
    expect(exported.status).toBe(409)
    expect(exported.body.error.code).toBe('hash_mismatch')
    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text()
    expect(metrics).toMatch(/novex_signoff_hash_mismatches_total [1-9]/)
  } finally {
    await server.stop()
    server.cleanup()
  }
})
