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
  migrate(db)
  return db
}
