// Reads what the server has committed, straight from its SQLite file (a second connection, as an
// operator's backup tool would), to prove "acknowledged" means "on disk".
import { createSqliteDocumentStore, openDatabase } from '@novex/server'
import * as Y from 'yjs'

export function readCommitted(dataDir: string, documentId: string): { doc: Y.Doc; rows: number } {
  const db = openDatabase(dataDir)
  try {
    const state = createSqliteDocumentStore(db).load(documentId)
    const doc = new Y.Doc()
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot)
    for (const u of state.updates) Y.applyUpdate(doc, u)
    return { doc, rows: state.updates.length }
  } finally {
    db.close()
  }
}
