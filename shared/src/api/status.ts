// The dossiers kept for the archive when an ontwikkelperspectief was adopted: the PDF/A, stored once and
// never changed. The server sends them as it stores them: GET /api/documents/<id>/archive lists them,
// and the adoption that makes the perspective vastgesteld answers with the one it kept (`archived`, null
// when it could not be made then). GET /api/documents/<id>/archive/state says the same together with
// why there is none yet (ArchiveState), and POST /api/documents/<id>/archive (a trekker) tries again now.

export interface ArchivedDossier {
  readonly id: number
  readonly documentId: string
  readonly name: string
  /** The file format (`pdf`). */
  readonly format: string
  /** In bytes. */
  readonly size: number
  /** Hex SHA-256 of the kept bytes, so anyone can check that a copy is the one kept. */
  readonly sha256: string
  readonly createdAt: number
  /** Who recorded the adoption, as "Name (Organisation)". */
  readonly createdBy: string
}

/** An adopted perspective without its archived dossier because the last attempt to make it failed. */
export interface ArchivePending {
  /** When the last attempt failed (ms). */
  readonly failedAt: number
  /** When the server tries again on its own (ms); null: it is trying now. */
  readonly nextAttemptAt: number | null
  /** Failed attempts so far (since the adoption, or since the server started). */
  readonly failures: number
}

/** GET /api/documents/<id>/archive/state, and the answer to POST /api/documents/<id>/archive. */
export interface ArchiveState {
  readonly dossiers: readonly ArchivedDossier[]
  /**
   * Null while there are dossiers, and while the first attempt is under way (or the start-up pass has
   * yet to reach the document); otherwise why there is none yet.
   */
  readonly pending: ArchivePending | null
}
