// Named versions and their kind (migration v17): versions stored before kinds existed are read from their
// Dutch name and round, and a round's start is found by its kind, not by a name that begins with 'Begin'.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RoundReport } from '@novex/shared'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE, type Db, openDatabase } from '../persistence/database.ts'
import { migrate, SCHEMA_VERSION } from '../persistence/migrations.ts'
import { createVersionStore, storedVersionName } from './versionStore.ts'

const DOC = 'ontwikkelperspectief-de-peel'
const OTHER_DOC = 'ruimtelijk-voorstel-noord-brabant'
const STATE = new Uint8Array([0, 0])
const BY = 'Rian Rijk (Ministerie van LVVN)'

let dir: string
let db: Db | null = null

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'novex-versions-'))
})

afterEach(() => {
  db?.close()
  db = null
  rmSync(dir, { recursive: true, force: true })
})

const report = (round: 1 | 2 | 3): RoundReport => ({
  round,
  name: `IJkmoment ${round}`,
  openedAt: 1,
  closedAt: 2,
  sections: [],
  totals: { opened: 0, resolved: 0, open: 0 },
})

/** A database as the server left it at schema version 16, with versions named the old way. */
function databaseBeforeKinds(rows: readonly (readonly [string, number | null, string])[]): void {
  mkdirSync(dir, { recursive: true })
  const old = new Database(join(dir, DATABASE_FILE))
  migrate(old, 16)
  expect(old.pragma('user_version', { simple: true })).toBe(16)
  const insert = old.prepare(
    `INSERT INTO document_versions (document_id, round, name, created_at, created_by, state, report)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  rows.forEach(([documentId, round, name], index) => {
    const stored = round !== null && name === `IJkmoment ${round}` ? JSON.stringify(report(round as 1)) : null
    insert.run(documentId, round, name, 1000 + index, BY, Buffer.from(STATE), stored)
  })
  old.close()
}

describe('versions stored before they had a kind', () => {
  it('are read from their name and round; a round end is renamed "Einde IJkmoment N"', () => {
    databaseBeforeKinds([
      [DOC, 1, 'Begin IJkmoment 1'],
      [DOC, 1, 'IJkmoment 1'],
      [DOC, 2, 'Begin IJkmoment 2'],
      [DOC, 2, 'IJkmoment 2'],
      [DOC, 3, 'Begin IJkmoment 3'],
      [DOC, 3, 'IJkmoment 3'],
      [DOC, null, 'Ter instemming aangeboden'],
      [DOC, null, 'Vastgesteld'],
      // Nothing stored such a name, but a hand-edited table may hold one: it keeps its name.
      [OTHER_DOC, 2, 'Begin van de zomer'],
    ])
    db = openDatabase(dir)
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    const versions = createVersionStore(db)
    expect(versions.list(DOC).map(({ kind, round, name }) => ({ kind, round, name }))).toEqual([
      { kind: 'roundStart', round: 1, name: 'Begin IJkmoment 1' },
      { kind: 'roundEnd', round: 1, name: 'Einde IJkmoment 1' },
      { kind: 'roundStart', round: 2, name: 'Begin IJkmoment 2' },
      { kind: 'roundEnd', round: 2, name: 'Einde IJkmoment 2' },
      { kind: 'roundStart', round: 3, name: 'Begin IJkmoment 3' },
      { kind: 'roundEnd', round: 3, name: 'Einde IJkmoment 3' },
      { kind: 'submitted', round: null, name: 'Ter instemming aangeboden' },
      { kind: 'adopted', round: null, name: 'Vastgesteld' },
    ])
    expect(versions.list(OTHER_DOC)).toEqual([
      { id: 9, kind: 'other', round: 2, name: 'Begin van de zomer', createdAt: 1008, createdBy: BY },
    ])
    // Still readable as before: the state, the report, and the start of a round for its comparison.
    const [first] = versions.list(DOC)
    expect(versions.state(DOC, first?.id ?? 0)).toEqual(STATE)
    expect(versions.report(DOC, 2)?.round).toBe(2)
    expect(versions.roundStart(DOC, 2)?.name).toBe('Begin IJkmoment 2')
    expect(versions.roundStart(OTHER_DOC, 2)).toBeNull()
  })
})

describe('the version store', () => {
  it('stores each version with its kind and a Dutch name made from it', () => {
    db = openDatabase(dir)
    let clock = 5000
    const versions = createVersionStore(db, () => clock++)
    const start = versions.save(DOC, { kind: 'roundStart', round: 1, createdBy: BY }, STATE)
    versions.save(DOC, { kind: 'roundEnd', round: 1, createdBy: BY }, STATE, report(1))
    versions.save(DOC, { kind: 'submitted', round: null, createdBy: BY }, STATE)
    versions.save(DOC, { kind: 'adopted', round: null, createdBy: BY }, STATE)
    expect(start).toEqual({
      id: 1,
      kind: 'roundStart',
      round: 1,
      name: 'Begin IJkmoment 1',
      createdAt: 5000,
      createdBy: BY,
    })
    expect(versions.list(DOC).map((v) => [v.kind, v.name])).toEqual([
      ['roundStart', 'Begin IJkmoment 1'],
      ['roundEnd', 'Einde IJkmoment 1'],
      ['submitted', 'Ter instemming aangeboden'],
      ['adopted', 'Vastgesteld'],
    ])
    expect(versions.list(OTHER_DOC)).toEqual([])
  })

  it('finds the start of a round by its kind and round, the latest when there are more', () => {
    db = openDatabase(dir)
    const versions = createVersionStore(db)
    expect(versions.roundStart(DOC, 1)).toBeNull()
    versions.save(DOC, { kind: 'roundStart', round: 1, createdBy: BY }, STATE)
    versions.save(DOC, { kind: 'roundEnd', round: 1, createdBy: BY }, STATE)
    const second = versions.save(DOC, { kind: 'roundStart', round: 2, createdBy: BY }, STATE)
    versions.save(OTHER_DOC, { kind: 'roundStart', round: 2, createdBy: BY }, STATE)
    expect(versions.roundStart(DOC, 2)?.id).toBe(second.id)
    expect(versions.roundStart(DOC, 3)).toBeNull()
    expect(storedVersionName({ kind: 'roundEnd', round: 3, createdBy: BY })).toBe('Einde IJkmoment 3')
  })
})
