// Named versions of a whole document in SQLite: the full Yjs state at the start and the end of each
// ijkmoment and at the submission and adoption of a perspective, so any of them can be opened read-only
// and compared, independent of compaction. Each has a kind (migration v17); the server finds a round's
// start by it, and a page names a version in its own language from it.
import {
  ROUNDS,
  type Round,
  type RoundReport,
  roundName,
  VERSION_KINDS,
  type VersionKind,
  type VersionSummary,
} from '@novex/shared'
import type { Db } from '../persistence/database.ts'

/** A version the server stores now: a round's start or end, or a step of the decision-making. */
export type NewVersion =
  | { readonly kind: 'roundStart' | 'roundEnd'; readonly round: Round; readonly createdBy: string }
  | { readonly kind: 'submitted' | 'adopted'; readonly round: null; readonly createdBy: string }

/** The Dutch name stored with a new version (readers of the table, the API's `name`). */
export function storedVersionName(version: NewVersion): string {
  switch (version.kind) {
    case 'roundStart':
      return `Begin ${roundName(version.round)}`
    case 'roundEnd':
      return `Einde ${roundName(version.round)}`
    case 'submitted':
      return 'Ter instemming aangeboden'
    case 'adopted':
      return 'Vastgesteld'
  }
}

export interface VersionStore {
  save(documentId: string, version: NewVersion, state: Uint8Array, report?: RoundReport): VersionSummary
  /** The document's versions, oldest first. */
  list(documentId: string): VersionSummary[]
  /** The version stored when the round opened (the latest, should a round ever have opened twice). */
  roundStart(documentId: string, round: Round): VersionSummary | null
  state(documentId: string, id: number): Uint8Array | null
  /** The report stored when a round closed. */
  report(documentId: string, round: number): RoundReport | null
}

interface Row {
  id: number
  kind: string
  round: number | null
  name: string
  created_at: number
  created_by: string
}

const COLUMNS = 'id, kind, round, name, created_at, created_by'

function versionOf(row: Row): VersionSummary {
  // The table's CHECK admits only these kinds and the server writes rounds 1 to 3; read them as such.
  const kind = (VERSION_KINDS as readonly string[]).includes(row.kind) ? (row.kind as VersionKind) : 'other'
  const round = (ROUNDS as readonly (number | null)[]).includes(row.round) ? (row.round as Round) : null
  return { id: row.id, kind, round, name: row.name, createdAt: row.created_at, createdBy: row.created_by }
}

export function createVersionStore(db: Db, now: () => number = Date.now): VersionStore {
  const insert = db.prepare(
    `INSERT INTO document_versions (document_id, kind, round, name, created_at, created_by, state, report)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const selectReport = db.prepare<[string, number], { report: string }>(
    `SELECT report FROM document_versions WHERE document_id = ? AND round = ? AND report IS NOT NULL
     ORDER BY id DESC LIMIT 1`,
  )
  const select = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM document_versions WHERE document_id = ? ORDER BY id`)
  const selectRoundStart = db.prepare<[string, number], Row>(
    `SELECT ${COLUMNS} FROM document_versions WHERE document_id = ? AND kind = 'roundStart' AND round = ?
     ORDER BY id DESC LIMIT 1`,
  )
  const selectState = db.prepare<[string, number], { state: Buffer }>(
    'SELECT state FROM document_versions WHERE document_id = ? AND id = ?',
  )
  return {
    save(documentId, version, state, report) {
      const createdAt = now()
      const name = storedVersionName(version)
      const json = report ? JSON.stringify(report) : null
      const { kind, round, createdBy } = version
      const result = insert.run(documentId, kind, round, name, createdAt, createdBy, state, json)
      return { id: Number(result.lastInsertRowid), kind, round, name, createdAt, createdBy }
    },
    list: (documentId) => select.all(documentId).map(versionOf),
    roundStart(documentId, round) {
      const row = selectRoundStart.get(documentId, round)
      return row ? versionOf(row) : null
    },
    state(documentId, id) {
      const row = selectState.get(documentId, id)
      return row ? new Uint8Array(row.state) : null
    },
    report(documentId, round) {
      const row = selectReport.get(documentId, round)
      return row ? (JSON.parse(row.report) as RoundReport) : null
    },
  }
}
