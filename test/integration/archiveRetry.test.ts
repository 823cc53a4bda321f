// The archived dossier of an adopted perspective when keeping it fails (here the archive table refuses
// the row, as a full disk would): the adoption still stands and says `archived: null`, the archive's
// state says that the attempt failed and when the next one is, the server tries again on its own with a
// growing delay (NOVEX_ARCHIVE_RETRY_SECONDS=1: after 1 s, then 5 s, …) and keeps it once it can, once,
// with its audit entry. After a restart that cannot make it either, a trekker tries again by hand
// (POST …/archive), which nobody else may.
import { createHash } from 'node:crypto'
import { openDatabase } from '@novex/server'
import type { ArchiveState } from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAuthors, readPdf } from '../../server/src/export/testing/readBack.ts'
import { allowArchiving, readyForLastAdoption, refuseArchiving, yesterdayIso } from '../helpers/adoption.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, loginEveryone } from '../helpers/session.ts'
import { getJson, postJson } from '../helpers/signoff.ts'
import { waitFor } from '../helpers/waitFor.ts'

interface AdoptAnswer {
  readonly status: string
  readonly archived: { readonly name: string } | null
}

interface ErrorAnswer {
  readonly error?: { readonly code: string; readonly message: string }
}

let server: RunningServer
let cookies: Record<keyof typeof DEMO, string>

const archivePath = `/api/documents/${DE_PEEL}/archive`
const archiveState = async (who: keyof typeof DEMO = 'lezer'): Promise<ArchiveState> => {
  const answer = await getJson<ArchiveState>(server, cookies[who], `${archivePath}/state`)
  expect(answer.status).toBe(200)
  return answer.body
}
const retryByHand = (who: keyof typeof DEMO) =>
  postJson<ArchiveState & ErrorAnswer>(server, cookies[who], archivePath, {})

/** The `document.archived` audit entries, with the e-mail address of who they name. */
function archivedAudit(): { email: string; sha256: string }[] {
  const db = openDatabase(server.dataDir)
  try {
    return db
      .prepare<[string], { email: string; details: string }>(
        `SELECT users.email AS email, audit_events.details AS details FROM audit_events
         JOIN users ON users.id = audit_events.actor
         WHERE action = 'document.archived' AND subject = ? ORDER BY audit_events.id`,
      )
      .all(DE_PEEL)
      .map((row) => ({ email: row.email, sha256: (JSON.parse(row.details) as { sha256: string }).sha256 }))
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  server = await startServer({ env: { NOVEX_ARCHIVE_RETRY_SECONDS: '1' } })
  cookies = await loginEveryone(server)
  await readyForLastAdoption(server, cookies.rijkOndertekenaar, cookies.provincieOndertekenaar)
}, 90_000)

afterAll(async () => {
  await server.stop()
  server.cleanup()
})

describe('an adopted dossier that cannot be archived at once', () => {
  it('is said to have failed, with the next attempt, and is archived by a retry of the server itself', async () => {
    refuseArchiving(server.dataDir)
    const adopted = await postJson<AdoptAnswer>(
      server,
      cookies.rijkOndertekenaar,
      `/api/documents/${DE_PEEL}/status/adopt`,
      { date: yesterdayIso(), reference: 'Ministerraad' },
    )
    expect(adopted.status).toBe(200)
    expect(adopted.body.status).toBe('vastgesteld')
    expect(adopted.body.archived).toBeNull()
    expect(
      server.logs.some((line) => line.includes('adopted dossier NOT archived') && line.includes('schijf vol')),
    ).toBe(true)

    // Everyone who may read the document sees that it failed, when, and when the server tries again.
    const failed = await archiveState()
    expect(failed.dossiers).toEqual([])
    expect(failed.pending).not.toBeNull()
    expect(failed.pending?.failures).toBeGreaterThanOrEqual(1)
    expect(failed.pending?.failedAt).toBeLessThanOrEqual(Date.now())
    expect((await getJson<unknown[]>(server, cookies.lezer, archivePath)).body).toEqual([])

    // The server tries again on its own (after 1 s) and fails again; the next wait is longer (5 s).
    const second = await waitFor(
      async () => {
        const { pending } = await archiveState()
        return pending !== null && pending.failures >= 2 && pending.nextAttemptAt !== null ? pending : null
      },
      { timeout: 15_000, message: 'a second, automatic attempt' },
    )
    expect((second.nextAttemptAt ?? 0) - second.failedAt).toBeGreaterThanOrEqual(5_000)

    // Writing works again: the next automatic attempt keeps it, with no restart and nobody asking.
    allowArchiving(server.dataDir)
    const kept = await waitFor(
      async () => {
        const state = await archiveState()
        return state.dossiers.length > 0 ? state : null
      },
      { timeout: 30_000, message: 'the dossier archived by a retry' },
    )
    expect(kept.pending).toBeNull()
    expect(kept.dossiers).toHaveLength(1)
    expect(kept.dossiers[0]).toMatchObject({ name: 'Vastgesteld dossier (PDF/A)', format: 'pdf' })
    expect(kept.dossiers[0]?.createdBy).toBe('Carla Bakker (Ministerie van LVVN)')

    const response = await fetch(`${server.httpUrl}${archivePath}/${kept.dossiers[0]?.id}`, {
      headers: { cookie: cookies.lezer },
    })
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(kept.dossiers[0]?.sha256)
    // The archived PDF/A names every co-sender, as the document header does: the Rijk and both provinces.
    const senders = 'Ministerie van LVVN, Provincie Noord-Brabant en Provincie Limburg'
    expect((await readPdf(bytes)).text.replace(/\s+/g, ' ')).toContain(`Afzenders: ${senders}`)
    expect(await readAuthors('pdf', bytes)).toEqual([senders, senders])
    // Audited once, for the trekker who recorded the adoption.
    expect(archivedAudit()).toEqual([{ email: DEMO.rijkOndertekenaar, sha256: kept.dossiers[0]?.sha256 }])
    // Kept: a retry by hand makes no second one.
    const again = await retryByHand('provincieOndertekenaar')
    expect(again.status).toBe(200)
    expect(again.body.dossiers.map((d) => d.id)).toEqual(kept.dossiers.map((d) => d.id))
  }, 60_000)

  it('is tried again by hand by a trekker, and by nobody else, after a start-up that could not make it', async () => {
    await server.stop()
    const db = openDatabase(server.dataDir)
    db.prepare('DELETE FROM archived_dossiers').run()
    db.close()
    refuseArchiving(server.dataDir, 'nog steeds vol')
    // The default first retry (a minute): only the button can make it within this test.
    server = await startServer({ dataDir: server.dataDir })
    cookies = await loginEveryone(server)
    const failed = await waitFor(
      async () => {
        const { pending } = await archiveState()
        return pending?.nextAttemptAt ? pending : null
      },
      { timeout: 20_000, message: 'the start-up attempt failed' },
    )
    expect(failed.failures).toBe(1)
    expect((failed.nextAttemptAt ?? 0) - failed.failedAt).toBe(60_000)

    for (const who of ['lezer', 'meelezer', 'rijkAuteur'] as const) {
      const refused = await retryByHand(who)
      expect(refused.status, who).toBe(403)
      expect(refused.body.error?.code, who).toBe('not_trekker')
    }
    const stillFull = await retryByHand('rijkOndertekenaar')
    expect(stillFull.status).toBe(200)
    expect(stillFull.body.dossiers).toEqual([])
    expect(stillFull.body.pending?.failures).toBe(2)
    // After a second failure the server waits five times as long.
    expect((stillFull.body.pending?.nextAttemptAt ?? 0) - (stillFull.body.pending?.failedAt ?? 0)).toBe(300_000)

    allowArchiving(server.dataDir)
    const kept = await retryByHand('provincieOndertekenaar')
    expect(kept.status).toBe(200)
    expect(kept.body.pending).toBeNull()
    expect(kept.body.dossiers).toHaveLength(1)
    expect(await archiveState()).toEqual({ dossiers: kept.body.dossiers, pending: null })
    // Made as the adopter saw it, whoever pressed the button; audited like the first.
    expect(kept.body.dossiers[0]?.createdBy).toBe('Carla Bakker (Ministerie van LVVN)')
    const audit = archivedAudit()
    expect(audit).toHaveLength(2)
    expect(audit[1]).toEqual({ email: DEMO.rijkOndertekenaar, sha256: kept.body.dossiers[0]?.sha256 })
  }, 60_000)

  it('is not asked of a perspective that is not adopted', async () => {
    const refused = await postJson<ErrorAnswer>(
      server,
      cookies.rijkOndertekenaar,
      `/api/documents/ruimtelijk-voorstel-noord-brabant/archive`,
      {},
    )
    expect(refused.status).toBe(409)
    expect(refused.body.error?.code).toBe('no_status_process')
  })
})
