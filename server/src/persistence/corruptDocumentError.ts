// A stored row that is not a sound Yjs update. Loading stops at it: the document is quarantined rather
// than served half (or with Yjs stuck on crafted bytes), and the row is named so it can be repaired.
export class CorruptDocumentError extends Error {
  readonly documentId: string
  /** The update row's seq, or null for the snapshot. */
  readonly seq: number | null

  constructor(documentId: string, seq: number | null, reason: string) {
    super(`document ${documentId}: stored ${seq === null ? 'snapshot' : `update ${seq}`} is corrupt (${reason})`)
    this.name = 'CorruptDocumentError'
    this.documentId = documentId
    this.seq = seq
  }
}
