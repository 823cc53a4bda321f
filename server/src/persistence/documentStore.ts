// The storage interface of Yjs document state. SQLite is the embedded implementation; a PostgreSQL one
// can follow for scale-out. Methods are synchronous on SQLite; the interface returns plain values so the
// room can check-and-apply without awaiting.

export interface StoredState {
  /** The compacted snapshot (a full V1 update), or null. */
  readonly snapshot: Uint8Array | null
  /** The snapshot's state vector, or null (no snapshot, or one stored without it). */
  readonly stateVector: Uint8Array | null
  /** Updates appended after the snapshot, in order. */
  readonly updates: readonly Uint8Array[]
}

/** One document's share of a group commit. */
export interface DocumentWrite {
  readonly documentId: string
  readonly updates: readonly Uint8Array[]
  /**
   * The whole document now (a full update that includes `updates`) and its state vector: written as the
   * snapshot that replaces the log, in the same transaction, instead of appending `updates` (compaction
   * without a commit of its own).
   */
  readonly snapshot?: { readonly state: Uint8Array; readonly stateVector: Uint8Array }
}

export interface DocumentStore {
  load(documentId: string): StoredState
  /** Appends updates in one transaction; throws when nothing was written. */
  append(documentId: string, updates: readonly Uint8Array[]): void
  /**
   * Appends the updates of several documents in one transaction, so one commit (one fsync) makes all of
   * them durable. `alongside` runs inside the same transaction (the client-id claims of these updates);
   * what it returns is called once that transaction committed. Returns the documents whose rows were not
   * written, with the reason; a document's failure does not keep the others from being written, a failed
   * commit fails every document of the batch.
   */
  appendMany(writes: readonly DocumentWrite[], alongside?: () => () => void): ReadonlyMap<string, unknown>
  /**
   * Replaces the log up to now by `state` (a full update of the current document), in one transaction.
   * `stateVector` is the state's (computed from `state` when not given).
   */
  compact(documentId: string, state: Uint8Array, stateVector?: Uint8Array): void
  /** Number of update rows after the snapshot. */
  logLength(documentId: string): number
}
