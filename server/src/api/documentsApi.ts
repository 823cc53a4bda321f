// GET /api/documents (what the user may open) and GET /api/documents/:id.
import { type Access, AREAS, type DocumentStatus, isDocumentId, PROVINCES } from '@novex/shared'
import type { User } from '../accounts/accountStore.ts'
import type { DocumentSummaries } from '../documents/documentSummaries.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import { notFound } from './respond.ts'

export interface DocumentSummary {
  readonly id: string
  readonly kind: DocumentRecord['kind']
  readonly title: string
  readonly areaId?: string
  readonly provinceId?: string
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
  /** Of those, the threads that mention the user asking (@-mentions). */
  readonly mentionsYou?: number
}

export interface DocumentDetail extends DocumentSummary {
  readonly areaName?: string
  readonly provinceName?: string
}

export type Authorize = (user: User, doc: DocumentRecord) => Access | null

/** The document's stored state is corrupt (StorageHealth): it cannot be opened until repaired. */
export type IsQuarantined = (documentId: string) => boolean

export function summarize(record: DocumentRecord, access: Access, isQuarantined: IsQuarantined): DocumentSummary {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    ...(record.areaId !== null ? { areaId: record.areaId } : {}),
    ...(record.provinceId !== null ? { provinceId: record.provinceId } : {}),
    access,
    available: !isQuarantined(record.id),
  }
}

export function listDocuments(
  catalog: DocumentCatalog,
  user: User,
  authorize: Authorize,
  isQuarantined: IsQuarantined,
  summaries: DocumentSummaries,
): DocumentSummary[] {
  return catalog.list().flatMap((record) => {
    const access = authorize(user, record)
    if (!access) return []
    const facts = summaries.get(record.id)
    return [
      {
        ...summarize(record, access, isQuarantined),
        ...(facts !== null && record.kind === 'ontwikkelperspectief' ? { status: facts.status } : {}),
        ...(facts !== null ? { openThreads: facts.openThreads, mentionsYou: facts.mentioned.get(user.id) ?? 0 } : {}),
      },
    ]
  })
}

/**
 * The document and what the user may do in it. Unknown and forbidden answer the same 404, so document
 * names do not leak.
 */
export function documentWithAccess(
  catalog: DocumentCatalog,
  authorize: Authorize,
  user: User,
  id: string,
): { readonly record: DocumentRecord; readonly access: Access } {
  const record = isDocumentId(id) ? catalog.get(id) : null
  const access = record ? authorize(user, record) : null
  if (!record || !access) throw notFound()
  return { record, access }
}

export function getDocument(
  catalog: DocumentCatalog,
  user: User,
  authorize: Authorize,
  isQuarantined: IsQuarantined,
  id: string,
): DocumentDetail {
  const { record, access } = documentWithAccess(catalog, authorize, user, id)
  const areaName = AREAS.find((a) => a.id === record.areaId)?.name
  const provinceName = PROVINCES.find((p) => p.id === record.provinceId)?.name
  return {
    ...summarize(record, access, isQuarantined),
    ...(areaName !== undefined ? { areaName } : {}),
    ...(provinceName !== undefined ? { provinceName } : {}),
  }
}
