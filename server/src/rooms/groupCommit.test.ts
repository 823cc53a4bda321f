import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createMetrics, type Metrics } from '../metrics.ts'
import { type ClientIdRegistry, createClientIdRegistry } from '../persistence/clientIdRegistry.ts'
import { type Db, openDatabase } from '../persistence/database.ts'
import { createDocumentCatalog } from '../persistence/documentCatalog.ts'
import { createSqliteDocumentStore, type SqliteDocumentStore } from '../persistence/sqliteDocumentStore.ts'
import { type CommitParticipant, GroupCommit, type PreparedWrite, SLOW_COMMIT_MS } from './groupCommit.ts'

let dir: string
let db: Db
let store: SqliteDocumentStore
let clientIds: ClientIdRegistry
let metrics: Metrics
let scheduled: (() => void)[]
let commits: GroupCommit
const completed: string[] = []
/** What the group commit logged (pino's JSON lines, parsed). */
const warnings: { level: number; ms?: number; documents?: number; msg: string }[] = []
/** The clock the commits are timed with; a test moves it inside the store's write. */
let clock = 0
const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) })

/** A room with one update to write; records how its write ended. */
function room(documentId: string): CommitParticipant & { outcome: 'pending' | 'ok' | 'failed' } {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, documentId)
  const update = Y.encodeStateAsUpdate(doc)
  return {
    outcome: 'pending',
    prepareWrite: (): PreparedWrite => ({ documentId, updates: [update], count: 1 }),
    completeWrite(_prepared, error) {
      this.outcome = error === undefined ? 'ok' : 'failed'
      completed.push(documentId)
    },
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'novex-group-'))
  db = openDatabase(dir)
  store = createSqliteDocumentStore(db)
  clientIds = createClientIdRegistry(db)
  metrics = createMetrics()
  scheduled = []
  completed.length = 0
  warnings.length = 0
  clock = 0
  commits = new GroupCommit({
    store,
    clientIds,
    metrics,
    logger,
    schedule: (fn) => scheduled.push(fn),
    now: () => clock,
  })
  const catalog = createDocumentCatalog(db)
  for (const id of ['ontwikkelperspectief-a', 'ontwikkelperspectief-b'])
    catalog.create({ id, kind: 'ontwikkelperspectief', title: id, areaId: 'de-peel', provinceId: null })
})

afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('group commit', () => {
  it('writes the rooms of one turn in one transaction and completes them in the order they asked', () => {
    const a = room('ontwikkelperspectief-a')
    const b = room('ontwikkelperspectief-b')
    clientIds.claim('ontwikkelperspectief-b', 42, 'provincie.auteur')
    commits.request(b)
    commits.request(a)
    commits.request(b)
    expect(scheduled).toHaveLength(1)
    expect(a.outcome).toBe('pending')
    scheduled[0]?.()
    expect(completed).toEqual(['ontwikkelperspectief-b', 'ontwikkelperspectief-a'])
    expect([a.outcome, b.outcome]).toEqual(['ok', 'ok'])
    expect(metrics.groupCommits).toBe(1)
    expect(store.logLength('ontwikkelperspectief-a')).toBe(1)
    expect(store.logLength('ontwikkelperspectief-b')).toBe(1)
    expect(clientIds.hasUnwritten).toBe(false)
  })

  it('reports a failing document to its own room only; the others are durable', () => {
    const a = room('ontwikkelperspectief-a')
    const missing = room('bestaat-niet')
    commits.request(missing)
    commits.request(a)
    scheduled[0]?.()
    expect(missing.outcome).toBe('failed')
    expect(a.outcome).toBe('ok')
    expect(store.health.isFailing('bestaat-niet')).toBe(true)
    expect(store.logLength('ontwikkelperspectief-a')).toBe(1)
  })

  it('fails every room of the batch while another writer holds the lock, and keeps the claims', () => {
    const a = room('ontwikkelperspectief-a')
    const b = room('ontwikkelperspectief-b')
    clientIds.claim('ontwikkelperspectief-a', 7, 'rijk.auteur')
    // Another connection holds the write lock (as the CLI or a backup would); busy_timeout is short.
    const other = openDatabase(dir, 10)
    other.exec('BEGIN IMMEDIATE')
    try {
      commits.commitNow([a, b])
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    expect([a.outcome, b.outcome]).toEqual(['failed', 'failed'])
    expect(clientIds.hasUnwritten).toBe(true)
    expect(clientIds.owner('ontwikkelperspectief-a', 7)).toBe('rijk.auteur')
    const again = room('ontwikkelperspectief-a')
    commits.commitNow([again])
    expect(again.outcome).toBe('ok')
    expect(clientIds.hasUnwritten).toBe(false)
  })

  it('times every commit, and counts and logs one that waited for storage as long as SLOW_COMMIT_MS', () => {
    const appendMany = store.appendMany.bind(store)
    let takes = 0
    // The store's write is where the time goes (the fsync); the clock moves by `takes` inside it.
    store.appendMany = (writes, claims) => {
      clock += takes
      return appendMany(writes, claims)
    }
    takes = 5
    commits.commitNow([room('ontwikkelperspectief-a')])
    expect(metrics.slowCommits).toBe(0)
    expect(warnings).toEqual([])
    takes = SLOW_COMMIT_MS + 50
    const b = room('ontwikkelperspectief-b')
    commits.commitNow([b, room('ontwikkelperspectief-a')])
    expect(b.outcome).toBe('ok')
    expect(metrics.groupCommits).toBe(2)
    expect(metrics.slowCommits).toBe(1)
    expect(metrics.slowestCommitMs).toBe(SLOW_COMMIT_MS + 50)
    expect(metrics.commitSeconds).toBeCloseTo((5 + SLOW_COMMIT_MS + 50) / 1000, 6)
    expect(warnings).toEqual([
      expect.objectContaining({ ms: SLOW_COMMIT_MS + 50, documents: 2, msg: expect.stringContaining('slow commit') }),
    ])
  })
})
