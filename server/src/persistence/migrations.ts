// Versioned schema migrations. The schema version is SQLite's `user_version`; each migration runs in
// its own transaction, so a crash leaves the database at a whole version. Append only: never edit a
// migration that has shipped.
import type Database from 'better-sqlite3'

const MIGRATIONS: readonly string[] = [
  // 1: documents, the append-only update log and the compacted snapshot.
  `
  CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('ontwikkelperspectief', 'ruimtelijk-voorstel')),
    title       TEXT NOT NULL,
    area_id     TEXT,
    province_id TEXT,
    created_at  INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE document_updates (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents(id),
    data        BLOB NOT NULL,
    created_at  INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX document_updates_by_document ON document_updates(document_id, seq);
  CREATE TABLE document_snapshots (
    document_id TEXT PRIMARY KEY REFERENCES documents(id),
    data        BLOB NOT NULL,
    through_seq INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
  ) STRICT;
  `,
]

export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version]
    if (sql === undefined) break
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
  return MIGRATIONS.length
}

export const SCHEMA_VERSION = MIGRATIONS.length
