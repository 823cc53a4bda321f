// GET /api/documents (what the user may open) and GET /api/documents/:id.
import { type Access, AREAS, isDocumentId, PROVINCES } from '@novex/shared'
import type { User } from '../accounts/accountStore.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import { notFound } from './respond.ts'

export interface DocumentSummary {
  readonly id: string
  readonly kind: DocumentRecord['kind']
  readonly title: string
  readonly areaId?: string
  readonly provinceId?: string
  readonly access: Access
}

export interface DocumentDetail extends DocumentSummary {
  readonly areaName?: string
  readonly provinceName?: string
  /**
   * False while the document is quarantined (a stored row is corrupt; an operator must repair it): the
   * sync endpoint then refuses it with 503, which a browser's WebSocket cannot read, so the page asks here.
   */
  readonly available: boolean
}

export type Authorize = (user: User, doc: DocumentRecord) => Access | null

export function summarize(record: DocumentRecord, access: Access): DocumentSummary {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    ...(record.areaId !== null ? { areaId: record.areaId } : {}),
    ...(record.provinceId !== null ? { provinceId: record.provinceId } : {}),
    access,
  }
}

export function listDocuments(catalog: DocumentCatalog, user: User, authorize: Authorize): DocumentSummary[] {
  return catalog.list().flatMap((record) => {
    const access = authorize(user, record)
    return access ? [summarize(record, access)] : []
  })
}

/** Unknown and forbidden answer the same 404, so document names do not leak. */
export function getDocument(
  catalog: DocumentCatalog,
  user: User,
  authorize: Authorize,
  isQuarantined: (documentId: string) => boolean,
  id: string,
): DocumentDetail {
  const record = isDocumentId(id) ? catalog.get(id) : null
  const access = record ? authorize(user, record) : null
  if (!record || !access) throw notFound()
  const areaName = AREAS.find((a) => a.id === record.areaId)?.name
  const provinceName = PROVINCES.find((p) => p.id === record.provinceId)?.name
  return {
    ...summarize(record, access),
    ...(areaName !== undefined ? { areaName } : {}),
    ...(provinceName !== undefined ? { provinceName } : {}),
    available: !isQuarantined(record.id),
  }
}
