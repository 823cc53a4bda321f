// A document the server cannot open: a stored row that is not a sound Yjs update (a disk fault, a bad
// hand edit) makes the server quarantine the document when it loads it. Tests write one with the server
// stopped, then start it again on the same data directory.
import { openDatabase } from '@novex/server'

/** A decoder bomb where an update row should be. */
export const CORRUPT_ROW = Buffer.from([1, 0x80, 0xad, 0xe2, 0x04, 7, 0])

/** Appends the corrupt row to the document's update log in the data directory of a stopped server. */
export function addCorruptRow(dataDir: string, documentId: string): void {
  const db = openDatabase(dataDir)
  try {
    db.prepare('INSERT INTO document_updates (document_id, data, created_at) VALUES (?, ?, ?)').run(
      documentId,
      CORRUPT_ROW,
      Date.now(),
    )
  } finally {
    db.close()
  }
}
