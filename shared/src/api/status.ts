// The dossiers kept for the archive when an ontwikkelperspectief was adopted: the PDF/A, stored once and
// never changed. The server sends them as it stores them: GET /api/documents/<id>/archive lists them,
// and the adoption that makes the perspective vastgesteld answers with the one it kept (`archived`).

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
