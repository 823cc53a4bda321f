// GET /api/documents (the documents the user may open) and GET /api/documents/<id>: each document with
// the facts the server has read so far (status, open threads).
import type { DocumentKind } from '../components.ts'
import type { Access } from '../protocol/messages.ts'
import type { DocumentStatus } from '../status/documentStatus.ts'

export interface DocumentSummary {
  readonly id: string
  readonly kind: DocumentKind
  readonly title: string
  readonly areaId?: string
  readonly provinceId?: string
  /** What the user may do in the document. */
  readonly access: Access
  /**
   * False while the document is quarantined (a stored row is corrupt; an operator must repair it): the
   * sync endpoint then refuses it with 503, which a browser's WebSocket cannot read, so the page asks here
   * (and the document list says so).
   */
  readonly available: boolean
  /** An ontwikkelperspectief's step (docs/status.md); absent for a voorstel or one not read yet. */
  readonly status?: DocumentStatus
  /** Comment threads still open; absent for a document not read since the server started. */
  readonly openThreads?: number
  /** Of those, the threads that mention the user asking (@-mentions); present when `openThreads` is. */
  readonly mentionsYou?: number
}

/** One document (GET /api/documents/<id>): its summary and the names of its area or province. */
export interface DocumentDetail extends DocumentSummary {
  readonly areaName?: string
  readonly provinceName?: string
}
