// The archive of an adopted perspective when making its PDF/A fails: tried again on its own after 1, 5
// and 15 minutes and then every hour, by hand at once, never twice at a time, and not after a stop. The
// archive and audit are the real SQLite ones; only the rendering (which fails on demand) and the
// document (one adoption in its status record) stand in.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DocumentStatus, metaMap, STATUS_KEY, type StatusRecord } from '@novex/shared'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { User } from '../accounts/accountStore.ts'
import { createAudit } from '../accounts/audit.ts'
import { type Db, openDatabase } from '../persistence/database.ts'
import type { DocumentRecord } from '../persistence/documentCatalog.ts'
import { type AdoptionArchive, createAdoptionArchive } from './adoptionArchive.ts'
import { archiveRetryDelay } from './archiveRetryDelay.ts'
import { createArchiveStore } from './archiveStore.ts'

const MINUTE = 60_000

const record: DocumentRecord = {
  id: 'ontwikkelperspectief-de-peel',
  kind: 'ontwikkelperspectief',
  title: 'Ontwikkelperspectief De Peel',
  areaId: 'de-peel',
  provinceId: null,
}

const adopter: User = {
  id: 'u-rijk',
  email: 'rijk.ondertekenaar@novex.example',
  name: 'Carla Bakker',
  organisation: { id: 'lvvn', name: 'Ministerie van LVVN', kind: 'rijk', oin: null, provinceId: null },
  disabled: false,
}

/** Another trekker of the area, who presses "Nu opnieuw proberen". */
const trekker: User = {
  id: 'u-provincie',
  email: 'provincie.ondertekenaar@novex.example',
  name: 'Pieter de Vries',
  organisation: {
    id: 'nb',
    name: 'Provincie Noord-Brabant',
    kind: 'provincie',
    oin: null,
    provinceId: 'noord-brabant',
  },
  disabled: false,
}

const adoptedRecord: StatusRecord = {
  decisions: [
    {
      kind: 'adopted',
      at: 1,
      by: { userId: adopter.id, name: adopter.name, organisationName: adopter.organisation.name, side: 'rijk' },
      date: '2026-12-04',
      note: 'Ministerraad',
    },
  ],
}

let dataDir: string
let db: Db
let doc: Y.Doc
/** What the next renderings do, in turn: fail, or give a PDF. */
let outcomes: ('fail' | 'pdf')[]
let rendered: User[]
let status: DocumentStatus
/** The adopter's account was removed after the adoption. */
let adopterGone: boolean

function makeArchive(render?: () => Promise<Uint8Array>): AdoptionArchive {
  return createAdoptionArchive({
    store: createArchiveStore(db),
    catalog: { list: () => [record], get: (id) => (id === record.id ? record : null) },
    accounts: { getUser: (id) => (id === adopter.id && !adopterGone ? adopter : null) },
    summaries: { get: () => ({ status, openThreads: 0, mentioned: new Map() }) },
    withRoom: async (_id, work) => work({ doc }),
    renderPdf: async (user) => {
      rendered.push(user)
      if (render) return render()
      if ((outcomes.shift() ?? 'pdf') === 'fail') throw new Error('export threads busy')
      return new TextEncoder().encode('%PDF-1.7 vastgesteld')
    },
    audit: createAudit(db),
    logger: pino({ level: 'silent' }),
    firstRetryMs: MINUTE,
  })
}

const archivedEvents = (): number =>
  db.prepare<[], { n: number }>("SELECT count(*) AS n FROM audit_events WHERE action = 'document.archived'").get()?.n ??
  0

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-05T09:00:00Z') })
  dataDir = mkdtempSync(join(tmpdir(), 'novex-archive-'))
  db = openDatabase(dataDir)
  doc = new Y.Doc()
  metaMap(doc).set(STATUS_KEY, adoptedRecord)
  outcomes = []
  rendered = []
  status = 'vastgesteld'
  adopterGone = false
})

afterEach(() => {
  vi.useRealTimers()
  db.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('the retry delays', () => {
  it('are 1, 5 and 15 times the first, then 60 times it for good', () => {
    expect([1, 2, 3, 4, 5, 20].map((n) => archiveRetryDelay(n, MINUTE) / MINUTE)).toEqual([1, 5, 15, 60, 60, 60])
  })

  it('never come quicker than a second apart', () => {
    expect(archiveRetryDelay(1, 0)).toBe(1_000)
  })
})

describe('an adopted dossier that cannot be made', () => {
  it('is tried again after 1, 5 and 15 minutes and then hourly, and kept once it can be', async () => {
    outcomes = ['fail', 'fail', 'fail', 'fail']
    const archive = makeArchive()
    const start = Date.now()
    expect(await archive.archive(record, adopter)).toBeNull()
    expect(archive.state(record.id)).toEqual({
      dossiers: [],
      pending: { failedAt: start, nextAttemptAt: start + MINUTE, failures: 1 },
    })
    for (const [failures, minutes] of [
      [2, 5],
      [3, 15],
      [4, 60],
    ] as const) {
      const before = rendered.length
      await vi.advanceTimersByTimeAsync((archive.state(record.id).pending?.nextAttemptAt ?? 0) - Date.now())
      expect(rendered.length, `attempt ${failures}`).toBe(before + 1)
      const pending = archive.state(record.id).pending
      expect(pending?.failures).toBe(failures)
      expect((pending?.nextAttemptAt ?? 0) - (pending?.failedAt ?? 0)).toBe(minutes * MINUTE)
    }
    await vi.advanceTimersByTimeAsync(60 * MINUTE)
    const after = archive.state(record.id)
    expect(after.pending).toBeNull()
    expect(after.dossiers).toHaveLength(1)
    expect(after.dossiers[0]).toMatchObject({
      name: 'Vastgesteld dossier (PDF/A)',
      createdBy: 'Carla Bakker (Ministerie van LVVN)',
    })
    // Every retry renders as the trekker who recorded the adoption, and the archive is audited once.
    expect(rendered.every((user) => user.id === adopter.id)).toBe(true)
    expect(archivedEvents()).toBe(1)
    expect(vi.getTimerCount()).toBe(0)
    // Nothing more is tried.
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE)
    expect(rendered).toHaveLength(5)
  })

  it('is tried at once by hand, which replaces the waiting retry', async () => {
    outcomes = ['fail', 'fail']
    const archive = makeArchive()
    await archive.archive(record, adopter)
    const byHand = await archive.retryNow(record, trekker)
    expect(byHand?.dossiers).toEqual([])
    expect(byHand?.pending?.failures).toBe(2)
    // The next automatic attempt follows the second failure (5 minutes), not the first.
    expect((byHand?.pending?.nextAttemptAt ?? 0) - Date.now()).toBe(5 * MINUTE)
    expect(vi.getTimerCount()).toBe(1)
    const kept = await archive.retryNow(record, trekker)
    expect(kept?.pending).toBeNull()
    expect(kept?.dossiers).toHaveLength(1)
    expect(vi.getTimerCount()).toBe(0)
    // Once kept, asking again makes nothing new.
    expect((await archive.retryNow(record, trekker))?.dossiers).toHaveLength(1)
    expect(rendered).toHaveLength(3)
    expect(archivedEvents()).toBe(1)
  })

  it('is made once when a retry by hand comes while an attempt is under way', async () => {
    let finish: (bytes: Uint8Array) => void = () => {}
    const archive = makeArchive(() => new Promise<Uint8Array>((resolve) => (finish = resolve)))
    const first = archive.archive(record, adopter)
    const second = archive.retryNow(record, trekker)
    await vi.advanceTimersByTimeAsync(0)
    // Under way for the first time: no failure to tell.
    expect(archive.state(record.id)).toEqual({ dossiers: [], pending: null })
    finish(new TextEncoder().encode('%PDF-1.7'))
    expect(await first).not.toBeNull()
    expect((await second)?.dossiers).toHaveLength(1)
    expect(rendered).toHaveLength(1)
  })

  it('says that it is being tried again while a retry runs', async () => {
    let finish: (bytes: Uint8Array) => void = () => {}
    let calls = 0
    const archive = makeArchive(() => {
      calls += 1
      if (calls === 1) return Promise.reject(new Error('disk full'))
      return new Promise<Uint8Array>((resolve) => (finish = resolve))
    })
    await archive.archive(record, adopter)
    await vi.advanceTimersByTimeAsync(MINUTE)
    expect(archive.state(record.id).pending).toMatchObject({ failures: 1, nextAttemptAt: null })
    finish(new TextEncoder().encode('%PDF-1.7'))
    await vi.advanceTimersByTimeAsync(0)
    expect(archive.state(record.id)).toMatchObject({ pending: null, dossiers: [{ format: 'pdf' }] })
  })

  it('is not tried again after the server stopped', async () => {
    outcomes = ['fail']
    const archive = makeArchive()
    await archive.archive(record, adopter)
    archive.stop()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(2 * 60 * MINUTE)
    expect(rendered).toHaveLength(1)
  })

  it('is made at start-up when it is missing, and retried when that fails', async () => {
    outcomes = ['fail']
    const archive = makeArchive()
    await archive.catchUp()
    expect(archive.state(record.id).pending?.failures).toBe(1)
    await vi.advanceTimersByTimeAsync(MINUTE)
    expect(archive.state(record.id).dossiers).toHaveLength(1)
  })

  it('is not made by hand for a perspective that is not adopted', async () => {
    status = 'onderschreven'
    expect(await makeArchive().retryNow(record, trekker)).toBeNull()
    expect(rendered).toEqual([])
  })

  it('is made as the trekker who retries by hand when the adopter is no longer a user', async () => {
    outcomes = ['fail']
    const archive = makeArchive()
    await archive.archive(record, adopter)
    adopterGone = true
    // The timer cannot make it: there is nobody to render it as.
    await vi.advanceTimersByTimeAsync(MINUTE)
    expect(rendered).toHaveLength(1)
    expect(archive.state(record.id).pending?.failures).toBe(2)
    const kept = await archive.retryNow(record, trekker)
    expect(kept?.dossiers[0]).toMatchObject({ createdBy: 'Pieter de Vries (Provincie Noord-Brabant)' })
    expect(rendered.map((user) => user.id)).toEqual([adopter.id, trekker.id])
    expect(archivedEvents()).toBe(1)
  })
})
