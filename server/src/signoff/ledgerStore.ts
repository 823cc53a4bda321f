// The append-only sign-off ledger in SQLite. Rows are only ever inserted (triggers refuse UPDATE and
// DELETE); a section's state is the fold of its rows (shared foldLedger).
import {
  type Actor,
  LEDGER_KINDS,
  type LedgerEvent,
  type LedgerKind,
  type NewLedgerEvent,
  type SignSide,
} from '@novex/shared'
import type { Db } from '../persistence/database.ts'

export interface LedgerStore {
  /** Appends events in one transaction; returns them with seq and time. */
  append(documentId: string, events: readonly NewLedgerEvent[]): LedgerEvent[]
  list(documentId: string): LedgerEvent[]
  /** Documents that have ledger rows (for verification at start-up). */
  documents(): string[]
}

interface Row {
  seq: number
  section_id: string
  kind: string
  at: number
  actor: string | null
  hash: string | null
  reason: string | null
  side: string | null
}

export function createLedgerStore(db: Db, now: () => number = Date.now): LedgerStore {
  const insert = db.prepare(
    'INSERT INTO signoff_ledger (document_id, section_id, kind, at, actor, hash, reason, side) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const select = db.prepare<[string], Row>(
    'SELECT seq, section_id, kind, at, actor, hash, reason, side FROM signoff_ledger WHERE document_id = ? ORDER BY seq',
  )
  const selectDocuments = db.prepare<[], { document_id: string }>('SELECT DISTINCT document_id FROM signoff_ledger')
  const appendAll = db.transaction((documentId: string, events: readonly NewLedgerEvent[]): LedgerEvent[] => {
    const at = now()
    return events.map((event) => {
      const result = insert.run(
        documentId,
        event.sectionId,
        event.kind,
        at,
        event.actor ? JSON.stringify(event.actor) : null,
        event.hash,
        event.reason,
        event.side,
      )
      return { ...event, seq: Number(result.lastInsertRowid), at }
    })
  })
  return {
    append: (documentId, events) => (events.length === 0 ? [] : appendAll(documentId, events)),
    list: (documentId) => select.all(documentId).map(toEvent),
    documents: () => selectDocuments.all().map((row) => row.document_id),
  }
}

function toEvent(row: Row): LedgerEvent {
  return {
    seq: row.seq,
    sectionId: row.section_id,
    kind: ledgerKind(row),
    at: row.at,
    actor: row.actor ? (JSON.parse(row.actor) as Actor) : null,
    hash: row.hash,
    reason: row.reason,
    side: row.side === 'rijk' || row.side === 'provincie' ? (row.side as SignSide) : null,
  }
}

function ledgerKind(row: Row): LedgerKind {
  if ((LEDGER_KINDS as readonly string[]).includes(row.kind)) return row.kind as LedgerKind
  // Never guess what a ledger row means: a row we cannot read is corruption, and must be loud.
  throw new Error(`sign-off ledger row ${row.seq} has unknown kind "${row.kind}"`)
}
