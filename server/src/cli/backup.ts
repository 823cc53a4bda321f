// Backup and restore of the whole database (documents, accounts, audit log). `backup` uses SQLite's
// online backup, so it is consistent while the server runs and writes; `restore` replaces the database
// of a stopped server with a verified backup and keeps the replaced file next to it.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { CorruptDocumentError } from '../persistence/corruptDocumentError.ts'
import { DATABASE_FILE, type Db } from '../persistence/database.ts'
import { createDocumentCatalog } from '../persistence/documentCatalog.ts'
import { SCHEMA_VERSION } from '../persistence/migrations.ts'
import { createSqliteDocumentStore } from '../persistence/sqliteDocumentStore.ts'

export class BackupError extends Error {}

export interface BackupSummary {
  readonly documents: number
  readonly schemaVersion: number
  /** Documents with a corrupt stored row (quarantined by a server): copied as they are, and named. */
  readonly corrupt: readonly string[]
}

/** Writes a consistent copy of the live database to `target` (a new file) and verifies it. */
export async function backupTo(db: Db, target: string): Promise<BackupSummary> {
  if (existsSync(target)) throw new BackupError(`${target} bestaat al; kies een nieuw bestand.`)
  await db.backup(target)
  // One self-contained file: the copy inherits WAL mode, which would leave -wal/-shm files beside it.
  const copy = new Database(target)
  copy.pragma('journal_mode = DELETE')
  copy.close()
  return verifyBackup(target)
}

/**
 * Replaces the database in `dataDir` by `source`. The server must be stopped. The current database is
 * kept as `novex.sqlite.voor-herstel-<time>` (checkpointed first, so that one file holds everything).
 */
export function restoreFrom(dataDir: string, source: string, now: Date = new Date()): BackupSummary & { kept: string } {
  const summary = verifyBackup(source)
  const live = join(dataDir, DATABASE_FILE)
  const kept = `${live}.voor-herstel-${now.toISOString().replace(/[:.]/g, '-')}`
  if (existsSync(live)) {
    const current = new Database(live)
    current.pragma('wal_checkpoint(TRUNCATE)')
    current.close()
    renameSync(live, kept)
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${live}${suffix}`, { force: true })
  copyFileSync(source, live)
  return { ...summary, kept }
}

/** Opens a backup read-only: SQLite's integrity check, a known schema, and every document loadable. */
export function verifyBackup(file: string): BackupSummary {
  if (!existsSync(file)) throw new BackupError(`${file} bestaat niet.`)
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new BackupError(`${file} is beschadigd: ${String(integrity)}`)
    const version = db.pragma('user_version', { simple: true })
    if (typeof version !== 'number' || version < 1 || version > SCHEMA_VERSION) {
      throw new BackupError(`${file} heeft schemaversie ${String(version)}; deze server kent 1 tot ${SCHEMA_VERSION}.`)
    }
    const store = createSqliteDocumentStore(db)
    const documents = createDocumentCatalog(db).list()
    const corrupt: string[] = []
    for (const doc of documents) {
      try {
        store.load(doc.id)
      } catch (error) {
        // One bad document must not make the copy of all the others useless: it is reported instead.
        if (!(error instanceof CorruptDocumentError)) throw error
        corrupt.push(error.message)
      }
    }
    return { documents: documents.length, schemaVersion: version, corrupt }
  } finally {
    db.close()
  }
}
