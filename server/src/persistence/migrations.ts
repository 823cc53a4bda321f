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
  // 2: organisations, users, memberships, sessions, the audit log and client-id ownership.
  `
  CREATE TABLE organisations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('rijk', 'provincie', 'gemeente', 'waterschap', 'partner')),
    oin         TEXT UNIQUE,
    province_id TEXT,
    created_at  INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name            TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    password_hash   TEXT NOT NULL,
    disabled        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE memberships (
    user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    scope     TEXT NOT NULL CHECK (scope IN ('area', 'province')),
    scope_id  TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('auteur', 'meelezer', 'lezer')),
    signatory INTEGER NOT NULL DEFAULT 0,
    trekker   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, scope, scope_id)
  ) STRICT;
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
  ) STRICT;
  CREATE INDEX sessions_by_user ON sessions(user_id);
  CREATE TABLE audit_events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT,
    details TEXT NOT NULL DEFAULT '{}'
  ) STRICT;
  CREATE TABLE client_ids (
    document_id TEXT NOT NULL,
    client_id   INTEGER NOT NULL,
    user_id     TEXT NOT NULL,
    PRIMARY KEY (document_id, client_id)
  ) STRICT;
  `,
  // v3: the sign-off ledger (append-only: rows are never updated or deleted) and refused changes.
  `
  CREATE TABLE signoff_ledger (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL,
    section_id  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    at          INTEGER NOT NULL,
    actor       TEXT,
    hash        TEXT,
    reason      TEXT,
    side        TEXT
  ) STRICT;
  CREATE INDEX signoff_ledger_by_document ON signoff_ledger(document_id, seq);
  CREATE TRIGGER signoff_ledger_no_update BEFORE UPDATE ON signoff_ledger
    BEGIN SELECT RAISE(ABORT, 'the sign-off ledger is append-only'); END;
  CREATE TRIGGER signoff_ledger_no_delete BEFORE DELETE ON signoff_ledger
    BEGIN SELECT RAISE(ABORT, 'the sign-off ledger is append-only'); END;
  CREATE TABLE refused_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    at          INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    sections    TEXT NOT NULL DEFAULT '[]',
    update_data BLOB NOT NULL
  ) STRICT;
  CREATE INDEX refused_changes_by_user ON refused_changes(document_id, user_id, id);
  `,
  // v4: named versions of whole documents (the start and end of each ijkmoment).
  `
  CREATE TABLE document_versions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL,
    round       INTEGER,
    name        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    created_by  TEXT NOT NULL,
    state       BLOB NOT NULL,
    report      TEXT
  ) STRICT;
  CREATE INDEX document_versions_by_document ON document_versions(document_id, id);
  `,
  // v5: section links, derived from content (rebuilt per section on every change and at start-up), their
  // baselines (what the target was when the link was made, reviewed or signed) and last known titles.
  `
  CREATE TABLE section_links (
    source_document TEXT NOT NULL,
    source_section  TEXT NOT NULL,
    target_document TEXT NOT NULL,
    target_section  TEXT NOT NULL,
    context         TEXT NOT NULL,
    PRIMARY KEY (source_document, source_section, target_document, target_section)
  ) STRICT;
  CREATE INDEX section_links_by_target ON section_links(target_document, target_section);
  CREATE TABLE link_baselines (
    source_document TEXT NOT NULL,
    source_section  TEXT NOT NULL,
    target_document TEXT NOT NULL,
    target_section  TEXT NOT NULL,
    hash            TEXT NOT NULL,
    text            TEXT NOT NULL,
    at              INTEGER NOT NULL,
    reviewed_by     TEXT,
    PRIMARY KEY (source_document, source_section, target_document, target_section)
  ) STRICT;
  CREATE TABLE link_targets (
    document_id TEXT NOT NULL,
    section_id  TEXT NOT NULL,
    title       TEXT NOT NULL,
    number      TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, section_id)
  ) STRICT;
  `,
  // v6: the snapshot's state vector, so a document that is one snapshot row can answer a join (sync
  // step 1, and step 2 to a fresh client) before its Y.Doc is built. NULL for snapshots written before.
  `
  ALTER TABLE document_snapshots ADD COLUMN state_vector BLOB;
  `,
  // v7: the CRC-32 of the snapshot as the server wrote it. A snapshot that still matches it is not
  // inspected again at load (sqliteDocumentStore.ts); NULL for snapshots written before: those are.
  `
  ALTER TABLE document_snapshots ADD COLUMN checksum INTEGER;
  `,
  // v8: when a session was last used (an authenticated request), for the idle timeout (SESSION_IDLE_SECONDS).
  // NULL for sessions made before: their creation counts.
  `
  ALTER TABLE sessions ADD COLUMN last_active_at INTEGER;
  `,
  // v9: images (maps, figures) uploaded to a document, under the SHA-256 of their bytes. Never deleted:
  // a signed section, a named version or a refused change may show one long after its text left.
  `
  CREATE TABLE document_images (
    document_id TEXT NOT NULL REFERENCES documents(id),
    image_id    TEXT NOT NULL,
    media_type  TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    data        BLOB NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (document_id, image_id)
  ) STRICT;
  `,
  // v10: who a person is at the organisation's identity provider (OIDC issuer + subject), linked to a
  // user on their first login there; later logins find the user by this pair, also after an e-mail change.
  `
  CREATE TABLE oidc_identities (
    issuer    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    linked_at INTEGER NOT NULL,
    PRIMARY KEY (issuer, subject)
  ) STRICT;
  `,
  // v11: the ID token a provider login brought, kept with its session, to end the session at the provider
  // too when the person logs out here (RP-initiated logout, id_token_hint). Gone with the session.
  `
  CREATE TABLE oidc_sessions (
    token_hash TEXT PRIMARY KEY REFERENCES sessions(token_hash) ON DELETE CASCADE,
    id_token   TEXT NOT NULL
  ) STRICT;
  `,
  // v12: who the provider said it was and its session id (`sid`), so that the provider's back-channel
  // logout can name the sessions to end (by sid, or every session of a subject). Sessions begun before
  // this have neither and end by their idle time.
  `
  ALTER TABLE oidc_sessions ADD COLUMN issuer TEXT;
  ALTER TABLE oidc_sessions ADD COLUMN subject TEXT;
  ALTER TABLE oidc_sessions ADD COLUMN sid TEXT;
  CREATE INDEX oidc_sessions_by_subject ON oidc_sessions (issuer, subject);
  CREATE INDEX oidc_sessions_by_sid ON oidc_sessions (issuer, sid);
  `,
  // v13: the dossier of an adopted ontwikkelperspectief as PDF/A, rendered once when both governments
  // adopted it and kept byte for byte with its SHA-256 (Archiefwet: the adopted version and its sign-off
  // record stay durably accessible, and provably unchanged).
  `
  CREATE TABLE archived_dossiers (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    name        TEXT NOT NULL,
    format      TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    sha256      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    created_by  TEXT NOT NULL
  ) STRICT;
  CREATE INDEX archived_dossiers_by_document ON archived_dossiers (document_id);
  `,
  // v14: notification e-mail (a mention, a reply in one's thread, a request to sign, a status decision), kept
  // until the mail server took it: written right after the event, then sent, retried and finally given up.
  // Whether a user wants such mail (on unless they turned it off).
  `
  CREATE TABLE mail_outbox (
    id           INTEGER PRIMARY KEY,
    recipient_id TEXT NOT NULL,
    kind         TEXT NOT NULL,
    document_id  TEXT NOT NULL,
    subject      TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_at      INTEGER NOT NULL,
    sent_at      INTEGER,
    given_up_at  INTEGER,
    last_error   TEXT
  ) STRICT;
  CREATE INDEX mail_outbox_due ON mail_outbox (next_at) WHERE sent_at IS NULL AND given_up_at IS NULL;
  CREATE TABLE mail_settings (
    user_id TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL
  ) STRICT;
  `,
  // v15: mails that may go as one (requests to sign, locked sections, of one document to one person):
  // the bundle they belong to, and what each is about (JSON) to write the one mail from. The language a
  // user's mail is written in (that of their interface; Dutch unless set).
  `
  ALTER TABLE mail_settings ADD COLUMN language TEXT;
  ALTER TABLE mail_outbox ADD COLUMN bundle_key TEXT;
  ALTER TABLE mail_outbox ADD COLUMN payload TEXT;
  CREATE INDEX mail_outbox_bundle ON mail_outbox (recipient_id, bundle_key)
    WHERE bundle_key IS NOT NULL AND sent_at IS NULL AND given_up_at IS NULL;
  `,
  // v16: whether a user gets the mentions and replies once a day, in one mail per document.
  `
  ALTER TABLE mail_settings ADD COLUMN daily INTEGER NOT NULL DEFAULT 0;
  `,
  // v17: what a named version is (VERSION_KINDS in @novex/shared): the start or end of an ijkmoment, the
  // submission for consent, the adoption. Before, only its Dutch name said so, and the start of a round was
  // found by the prefix 'Begin'. Rows stored before are read from their name and round, as the server named
  // them ("Begin IJkmoment N", "IJkmoment N", "Ter instemming aangeboden", "Vastgesteld"); a row that fits
  // none is 'other' and keeps its name. A round's end was stored as "IJkmoment N", which does not say it
  // is the end: it is renamed "Einde IJkmoment N", as the server names it from now on.
  `
  ALTER TABLE document_versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
    CHECK (kind IN ('roundStart', 'roundEnd', 'submitted', 'adopted', 'other'));
  UPDATE document_versions SET kind = 'roundStart'
    WHERE round IN (1, 2, 3) AND name = 'Begin IJkmoment ' || round;
  UPDATE document_versions SET kind = 'roundEnd', name = 'Einde IJkmoment ' || round
    WHERE round IN (1, 2, 3) AND name = 'IJkmoment ' || round;
  UPDATE document_versions SET kind = 'submitted' WHERE round IS NULL AND name = 'Ter instemming aangeboden';
  UPDATE document_versions SET kind = 'adopted' WHERE round IS NULL AND name = 'Vastgesteld';
  `,
]

/**
 * Brings the database to the latest schema version, or to `target` (a test that makes a database as an
 * older server left it).
 */
export function migrate(db: Database.Database, target: number = MIGRATIONS.length): number {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < Math.min(target, MIGRATIONS.length); version++) {
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
