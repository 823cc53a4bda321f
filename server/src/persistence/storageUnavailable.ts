// SQLite errors that say the database cannot be written right now (a full disk, a lock held by another
// process, a read-only or failing file), as opposed to a bug or bad input. A request that meets one
// is answered 503 with a plain explanation instead of a generic 500: the transaction was rolled back,
// nothing changed, and the same request can simply be tried again later.
import Database from 'better-sqlite3'

const UNAVAILABLE_CODES = [
  'SQLITE_FULL',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
]

export function isStorageUnavailable(error: unknown): boolean {
  if (!(error instanceof Database.SqliteError)) return false
  // Extended codes carry the primary one as a prefix (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT).
  return UNAVAILABLE_CODES.some((code) => error.code === code || error.code.startsWith(`${code}_`))
}
