// Opens the SQLite file in DATA_DIR: WAL journal and synchronous=FULL, so a commit that returned is on
// disk before we acknowledge it.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { migrate } from './migrations.ts'

export type Db = Database.Database

export const DATABASE_FILE = 'novex.sqlite'

/**
 * How long a write waits for another writer's lock (the CLI, a backup). better-sqlite3 waits
 * synchronously, so this is also how long every room on the server stands still: short, because a
 * failed write is kept in memory and retried anyway.
 */
export const SERVER_BUSY_TIMEOUT_MS = 250

export function openDatabase(dataDir: string, busyTimeoutMs: number = SERVER_BUSY_TIMEOUT_MS): Db {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, DATABASE_FILE))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${busyTimeoutMs}`)
  assertWritable(db, dataDir)
  migrate(db)
  return db
}

/**
 * SQLite opens a file on a read-only mount without complaint and fails only at the first write, so a
 * server would start, load documents and accept edits it can never store. Write once and roll back
 * instead (taking the lock is not enough: in WAL mode that succeeds on a read-only mount). Busy means
 * another process writes, so the file is writable; anything else is fatal.
 */
function assertWritable(db: Db, dataDir: string): void {
  try {
    db.exec('BEGIN IMMEDIATE')
    try {
      db.exec('CREATE TABLE main.novex_write_probe (x INTEGER)')
    } finally {
      db.exec('ROLLBACK')
    }
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') return
    db.close()
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`the database in ${dataDir} is not writable (read-only data directory?): ${reason}`)
  }
}
