// Opens the SQLite file in DATA_DIR: WAL journal and synchronous=FULL, so a commit that returned is on
// disk before we acknowledge it.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { migrate } from './migrations.ts'

export type Db = Database.Database

export const DATABASE_FILE = 'novex.sqlite'

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, DATABASE_FILE))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}
