// Named versions of a whole document in SQLite: the full Yjs state at the start and the end of each
// ijkmoment, so any of them can be opened read-only and compared, independent of compaction.
import type { RoundReport } from '@novex/shared'
import type { Db } from '../persistence/database.ts'

export interface VersionInfo {
  readonly id: number
  readonly round: number | null
  readonly name: string
  readonly createdAt: number
  readonly createdBy: string
}

export interface VersionStore {
  save(
    documentId: string,
    version: Omit<VersionInfo, 'id' | 'createdAt'>,
    state: Uint8Array,
    report?: RoundReport,
  ): VersionInfo
  list(documentId: string): VersionInfo[]
  state(documentId: string, id: number): Uint8Array | null
  /** The report stored when a round closed. */
  report(documentId: string, round: number): RoundReport | null
}

interface Row {
  id: number
  round: number | null
  name: string
  created_at: number
  created_by: string
}

export function createVersionStore(db: Db, now: () => number = Date.now): VersionStore {
  const insert = db.prepare(
    `INSERT INTO document_versions (document_id, round, name, created_at, created_by, state, report)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const selectReport = db.prepare<[string, number], { report: string }>(
    `SELECT report FROM document_versions WHERE document_id = ? AND round = ? AND report IS NOT NULL
     ORDER BY id DESC LIMIT 1`,
  )
  const select = db.prepare<[string], Row>(
    'SELECT id, round, name, created_at, created_by FROM document_versions WHERE document_id = ? ORDER BY id',
  )
  const selectState = db.prepare<[string, number], { state: Buffer }>(
    'SELECT state FROM document_versions WHERE document_id = ? AND id = ?',
  )
  return {
    save(documentId, version, state, report) {
      const createdAt = now()
      const json = report ? JSON.stringify(report) : null
      const result = insert.run(documentId, version.round, version.name, createdAt, version.createdBy, state, json)
      return { ...version, id: Number(result.lastInsertRowid), createdAt }
    },
    list: (documentId) =>
      select.all(documentId).map((row) => ({
        id: row.id,
        round: row.round,
        name: row.name,
        createdAt: row.created_at,
        createdBy: row.created_by,
      })),
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
