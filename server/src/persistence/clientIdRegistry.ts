// Which user wrote with which Yjs client id in a document. A client id, once used by a user, belongs to
// that user: another user's update carrying it is refused (client-id squatting).
// A claim is made while an update is being accepted; when the database cannot be written at that
// moment (locked, read-only, full) the claim is held in memory and written with the next claim, so a
// storage fault neither breaks the connection nor forgets whose id it is.
import type { Db } from './database.ts'

export interface ClientIdRegistry {
  owner(documentId: string, clientId: number): string | null
  claim(documentId: string, clientId: number, userId: string): void
}

export function createClientIdRegistry(db: Db): ClientIdRegistry {
  const select = db.prepare<[string, number], { user_id: string }>(
    'SELECT user_id FROM client_ids WHERE document_id = ? AND client_id = ?',
  )
  const insert = db.prepare<[string, number, string]>(
    'INSERT OR IGNORE INTO client_ids (document_id, client_id, user_id) VALUES (?, ?, ?)',
  )
  /** Claims not yet written: `${documentId}\0${clientId}` → user id. */
  const unwritten = new Map<string, { documentId: string; clientId: number; userId: string }>()
  const keyOf = (documentId: string, clientId: number): string => `${documentId}\u0000${clientId}`
  const writeUnwritten = (): void => {
    for (const [key, claim] of unwritten) {
      insert.run(claim.documentId, claim.clientId, claim.userId)
      unwritten.delete(key)
    }
  }
  return {
    owner: (documentId, clientId) =>
      unwritten.get(keyOf(documentId, clientId))?.userId ?? select.get(documentId, clientId)?.user_id ?? null,
    claim: (documentId, clientId, userId) => {
      unwritten.set(keyOf(documentId, clientId), { documentId, clientId, userId })
      try {
        writeUnwritten()
      } catch {
        // Kept in `unwritten` (and answered by owner()); the next claim writes it. The failing write
        // itself is reported by the document store, which retries its own batch.
      }
    },
  }
}
