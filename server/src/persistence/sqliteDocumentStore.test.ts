import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createClientIdRegistry } from './clientIdRegistry.ts'
import { CorruptDocumentError } from './corruptDocumentError.ts'
import { type Db, openDatabase } from './database.ts'
import { createDocumentCatalog } from './documentCatalog.ts'
import type { DocumentStore } from './documentStore.ts'
import { SCHEMA_VERSION } from './migrations.ts'
import { createSqliteDocumentStore, type SqliteDocumentStore } from './sqliteDocumentStore.ts'

let dir: string
let db: Db
let store: SqliteDocumentStore

const DOC = 'ontwikkelperspectief-test'

function reopen(): void {
  db.close()
  db = openDatabase(dir)
  store = createSqliteDocumentStore(db)
}

function replay(state: ReturnType<DocumentStore['load']>): Y.Doc {
  const doc = new Y.Doc()
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot)
  for (const u of state.updates) Y.applyUpdate(doc, u)
  return doc
}

/** Types `text` into a fresh doc one character per update and returns the updates. */
function typingUpdates(text: string): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch)
  return { doc, updates }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'novex-store-'))
  db = openDatabase(dir)
  store = createSqliteDocumentStore(db)
  createDocumentCatalog(db).create({
    id: DOC,
    kind: 'ontwikkelperspectief',
    title: 'Test',
    areaId: 'de-peel',
    provinceId: null,
  })
})

afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('SQLite document store', () => {
  it('runs in WAL mode with synchronous=FULL at the latest schema version', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
  })

  it('appends to the log and reloads the same document after reopening', () => {
    const { doc, updates } = typingUpdates('Peelvenen')
    for (const u of updates) store.append(DOC, [u])
    expect(store.logLength(DOC)).toBe(updates.length)
    reopen()
    const loaded = replay(store.load(DOC))
    expect(loaded.getText('t').toString()).toBe('Peelvenen')
    expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(doc))
  })

  it('writes a batch in one transaction', () => {
    const { updates } = typingUpdates('abc')
    store.append(DOC, updates)
    expect(store.logLength(DOC)).toBe(3)
  })

  it('compacts the log into a snapshot and keeps appending after it', () => {
    const { doc, updates } = typingUpdates('stikstof')
    store.append(DOC, updates)
    store.compact(DOC, Y.encodeStateAsUpdate(doc))
    expect(store.logLength(DOC)).toBe(0)
    const more = new Y.Doc()
    Y.applyUpdate(more, Y.encodeStateAsUpdate(doc))
    more.on('update', (u: Uint8Array) => store.append(DOC, [u]))
    more.getText('t').insert(8, 'depositie')
    expect(store.logLength(DOC)).toBe(1)
    reopen()
    const state = store.load(DOC)
    expect(state.snapshot).not.toBeNull()
    expect(state.stateVector).toEqual(Y.encodeStateVector(doc))
    expect(state.updates).toHaveLength(1)
    expect(replay(state).getText('t').toString()).toBe('stikstofdepositie')
  })

  it('leaves the log untouched when compaction fails', () => {
    const { updates } = typingUpdates('water')
    store.append(DOC, updates)
    // A snapshot for a document that does not exist violates the foreign key: the transaction rolls back.
    expect(() => store.compact('bestaat-niet', new Uint8Array([0, 0]))).toThrow()
    expect(store.logLength(DOC)).toBe(5)
    expect(replay(store.load(DOC)).getText('t').toString()).toBe('water')
  })

  it('refuses updates for an unknown document and writes nothing', () => {
    const { updates } = typingUpdates('x')
    expect(() => store.append('bestaat-niet', updates)).toThrow()
    expect(store.load('bestaat-niet')).toEqual({ snapshot: null, stateVector: null, updates: [] })
  })

  it('writes several documents in one group commit; a failing document does not keep the others out', () => {
    const { updates } = typingUpdates('ab')
    const clientIds = createClientIdRegistry(db)
    clientIds.claim(DOC, 7, 'rijk.auteur')
    const failed = store.appendMany(
      [
        { documentId: DOC, updates: [updates[0] as Uint8Array] },
        { documentId: 'bestaat-niet', updates: [updates[1] as Uint8Array] },
      ],
      clientIds.writeClaims,
    )
    expect([...failed.keys()]).toEqual(['bestaat-niet'])
    expect(store.health.isFailing('bestaat-niet')).toBe(true)
    expect(store.health.isFailing(DOC)).toBe(false)
    expect(clientIds.hasUnwritten).toBe(false)
    reopen()
    expect(store.logLength(DOC)).toBe(1)
    expect(createClientIdRegistry(db).owner(DOC, 7)).toBe('rijk.auteur')
  })

  it('replaces the log by a snapshot carried by a write, in the group commit, next to an append', () => {
    const catalog = createDocumentCatalog(db)
    const OTHER = 'ontwikkelperspectief-ander'
    catalog.create({ id: OTHER, kind: 'ontwikkelperspectief', title: 'Ander', areaId: 'de-peel', provinceId: null })
    const { doc, updates } = typingUpdates('abcd')
    store.append(DOC, updates.slice(0, 3))
    const other = typingUpdates('xy')
    const failed = store.appendMany([
      {
        documentId: DOC,
        updates: updates.slice(3),
        snapshot: { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) },
      },
      { documentId: OTHER, updates: other.updates },
    ])
    expect(failed.size).toBe(0)
    expect(store.logLength(DOC)).toBe(0)
    expect(store.logLength(OTHER)).toBe(2)
    reopen()
    const state = store.load(DOC)
    expect(state.updates).toEqual([])
    expect(state.stateVector).toEqual(Y.encodeStateVector(doc))
    expect(replay(state).getText('t').toString()).toBe('abcd')
    expect(replay(store.load(OTHER)).getText('t').toString()).toBe('xy')
  })

  it('leaves the log as it was when a snapshot write fails, and still writes the others', () => {
    const { doc, updates } = typingUpdates('ab')
    store.append(DOC, updates)
    const failed = store.appendMany([
      {
        documentId: 'bestaat-niet',
        updates: updates.slice(1),
        snapshot: { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) },
      },
      { documentId: DOC, updates: typingUpdates('c').updates },
    ])
    expect([...failed.keys()]).toEqual(['bestaat-niet'])
    expect(store.load('bestaat-niet')).toEqual({ snapshot: null, stateVector: null, updates: [] })
    expect(store.logLength(DOC)).toBe(3)
  })

  it('keeps claims in memory when their write fails and writes them with the next commit', () => {
    const clientIds = createClientIdRegistry(db)
    clientIds.claim(DOC, 9, 'provincie.auteur')
    db.exec('ALTER TABLE client_ids RENAME TO client_ids_away')
    expect(store.appendMany([], () => clientIds.writeClaims()).size).toBe(0)
    expect(clientIds.hasUnwritten).toBe(true)
    expect(clientIds.owner(DOC, 9)).toBe('provincie.auteur')
    db.exec('ALTER TABLE client_ids_away RENAME TO client_ids')
    store.appendMany([], clientIds.writeClaims)
    expect(clientIds.hasUnwritten).toBe(false)
    expect(createClientIdRegistry(db).owner(DOC, 9)).toBe('provincie.auteur')
  })

  describe('a stored snapshot at load', () => {
    /** A decoder bomb: one client declaring 2^31 structs (a disk fault or a bad hand edit). */
    const BOMB = Buffer.from([1, 0x80, 0x80, 0x80, 0x80, 0x08, 7, 0])
    const setSnapshot = (data: Buffer, checksum: number | null | 'keep'): void => {
      if (checksum === 'keep') db.prepare('UPDATE document_snapshots SET data = ?').run(data)
      else db.prepare('UPDATE document_snapshots SET data = ?, checksum = ?').run(data, checksum)
    }

    beforeEach(() => {
      const { doc } = typingUpdates('Peelvenen')
      store.compact(DOC, Y.encodeStateAsUpdate(doc))
    })

    it('is the document it was written as', () => {
      reopen()
      expect(replay(store.load(DOC)).getText('t').toString()).toBe('Peelvenen')
    })

    it('is quarantined when its bytes changed since they were written', () => {
      setSnapshot(BOMB, 'keep')
      reopen()
      expect(() => store.load(DOC)).toThrow(CorruptDocumentError)
      expect(store.health.isQuarantined(DOC)).toBe(true)
    })

    it('is inspected when it has no checksum (written before schema v7)', () => {
      setSnapshot(BOMB, null)
      reopen()
      expect(() => store.load(DOC)).toThrow(CorruptDocumentError)
      expect(store.health.isQuarantined(DOC)).toBe(true)
    })

    it('is not walked again while its bytes match the checksum written with them', () => {
      // The proof that the inspection is skipped: bytes it would refuse, with their own checksum.
      setSnapshot(BOMB, crc32(BOMB))
      reopen()
      expect(store.load(DOC).snapshot).toEqual(new Uint8Array(BOMB))
      expect(store.health.isQuarantined(DOC)).toBe(false)
    })
  })
})
