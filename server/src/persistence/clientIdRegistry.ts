// Which user wrote with which Yjs client id in a document. A client id, once used by a user, belongs to
// that user: another user's update carrying it is refused (client-id squatting).
// A claim is made while an update is being accepted and is held in memory (owner() answers from there)
// until the next group commit writes it in the same transaction as the update that made it: one commit
// instead of one more per new client id. When that write fails (locked, read-only, full) the claim stays
// in memory and is written with the next commit, so a storage fault neither breaks the connection nor
// forgets whose id it is.
import type { Db } from './database.ts'

export interface ClientIdRegistry {
  owner(documentId: string, clientId: number): string | null
  /** Records the claim; it is written by the next `writeClaims`. */
  claim(documentId: string, clientId: number, userId: string): void
  /** True while some claim is not yet written. */
  readonly hasUnwritten: boolean
  /**
   * Writes the unwritten claims; call it inside the commit's transaction. Returns what to call once that
   * transaction committed (the claims are forgotten from memory only then). A failed write is swallowed
   * here and rolled back alone: the claims stay in memory for the next commit.
   */
  writeClaims(): () => void
}

interface Claim {
  readonly documentId: string
  readonly clientId: number
  readonly userId: string
}

export function createClientIdRegistry(db: Db): ClientIdRegistry {
  const select = db.prepare<[string, number], { user_id: string }>(
    'SELECT user_id FROM client_ids WHERE document_id = ? AND client_id = ?',
  )
  const insert = db.prepare<[string, number, string]>(
    'INSERT OR IGNORE INTO client_ids (document_id, client_id, user_id) VALUES (?, ?, ?)',
  )
  // Nested in the commit's transaction this is a savepoint: failing claims roll back without the updates.
  const insertAll = db.transaction((claims: readonly Claim[]) => {
    for (const claim of claims) insert.run(claim.documentId, claim.clientId, claim.userId)
  })
  /** Claims not yet written: `${documentId}\0${clientId}` → claim. */
  const unwritten = new Map<string, Claim>()
  const keyOf = (documentId: string, clientId: number): string => `${documentId}\u0000${clientId}`
  const nothing = (): void => {}
  return {
    owner: (documentId, clientId) =>
      unwritten.get(keyOf(documentId, clientId))?.userId ?? select.get(documentId, clientId)?.user_id ?? null,
    claim: (documentId, clientId, userId) => {
      unwritten.set(keyOf(documentId, clientId), { documentId, clientId, userId })
    },
    get hasUnwritten() {
      return unwritten.size > 0
    },
    writeClaims: () => {
      if (unwritten.size === 0) return nothing
      const written = [...unwritten]
      try {
        insertAll(written.map(([, claim]) => claim))
      } catch {
        // Kept in `unwritten` (and answered by owner()); the next commit writes them. The storage fault
        // itself is reported by the document store for the documents whose updates failed.
        return nothing
      }
      return () => {
        // A newer claim of the same key made after this write stays.
        for (const [key, claim] of written) if (unwritten.get(key) === claim) unwritten.delete(key)
      }
    },
  }
}
