// Which user wrote with which Yjs client id in a document. A client id, once used by a user, belongs to
// that user: another user's update carrying it is refused (client-id squatting).
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
  return {
    owner: (documentId, clientId) => select.get(documentId, clientId)?.user_id ?? null,
    claim: (documentId, clientId, userId) => {
      insert.run(documentId, clientId, userId)
    },
  }
}
