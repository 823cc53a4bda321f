// Dossiers kept for the archive (migration v13): the PDF/A of an adopted ontwikkelperspectief, stored
// once, never changed, with the SHA-256 of its bytes so anyone can check that a copy is the one kept.
// A record is also what the API sends (ArchivedDossier, @novex/shared).
import { createHash } from 'node:crypto'
import type { ArchivedDossier } from '@novex/shared'
import type { Db } from '../persistence/database.ts'

export interface ArchiveStore {
  save(entry: {
    readonly documentId: string
    readonly name: string
    readonly format: string
    readonly bytes: Uint8Array
    readonly createdBy: string
  }): ArchivedDossier
  list(documentId: string): ArchivedDossier[]
  bytes(documentId: string, id: number): Uint8Array | null
}

interface Row {
  id: number
  document_id: string
  name: string
  format: string
  size: number
  sha256: string
  created_at: number
  created_by: string
}

const entryOf = (row: Row): ArchivedDossier => ({
  id: row.id,
  documentId: row.document_id,
  name: row.name,
  format: row.format,
  size: row.size,
  sha256: row.sha256,
  createdAt: row.created_at,
  createdBy: row.created_by,
})

export function createArchiveStore(db: Db, now: () => number = Date.now): ArchiveStore {
  const insert = db.prepare<[string, string, string, Uint8Array, string, number, string]>(
    `INSERT INTO archived_dossiers (document_id, name, format, bytes, sha256, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const select = db.prepare<[string], Row>(
    `SELECT id, document_id, name, format, length(bytes) AS size, sha256, created_at, created_by
     FROM archived_dossiers WHERE document_id = ? ORDER BY id`,
  )
  const selectBytes = db.prepare<[string, number], { bytes: Uint8Array }>(
    'SELECT bytes FROM archived_dossiers WHERE document_id = ? AND id = ?',
  )
  return {
    save(entry) {
      const sha256 = createHash('sha256').update(entry.bytes).digest('hex')
      const createdAt = now()
      const { lastInsertRowid } = insert.run(
        entry.documentId,
        entry.name,
        entry.format,
        entry.bytes,
        sha256,
        createdAt,
        entry.createdBy,
      )
      return {
        id: Number(lastInsertRowid),
        documentId: entry.documentId,
        name: entry.name,
        format: entry.format,
        size: entry.bytes.byteLength,
        sha256,
        createdAt,
        createdBy: entry.createdBy,
      }
    },
    list: (documentId) => select.all(documentId).map(entryOf),
    bytes: (documentId, id) => selectBytes.get(documentId, id)?.bytes ?? null,
  }
}
