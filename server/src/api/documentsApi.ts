// GET /api/documents (what the user may open) and GET /api/documents/:id, each with the facts the
// server has read (status, open threads): the document page shows that status until its copy is synced.
import { type Access, AREAS, type DocumentDetail, type DocumentSummary, isDocumentId, PROVINCES } from '@novex/shared'
import type { User } from '../accounts/accountStore.ts'
import type { DocumentSummaries } from '../documents/documentSummaries.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import { notFound } from './respond.ts'

export type Authorize = (user: User, doc: DocumentRecord) => Access | null

/** The document's stored state is corrupt (StorageHealth): it cannot be opened until repaired. */
export type IsQuarantined = (documentId: string) => boolean

/** What the list and the document's own page show: the record, the user's access and the facts read so far. */
export function summarize(
  record: DocumentRecord,
  access: Access,
  user: User,
  isQuarantined: IsQuarantined,
  summaries: DocumentSummaries,
): DocumentSummary {
  const facts = summaries.get(record.id)
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    ...(record.areaId !== null ? { areaId: record.areaId } : {}),
    ...(record.provinceId !== null ? { provinceId: record.provinceId } : {}),
    access,
    available: !isQuarantined(record.id),
    ...(facts !== null && record.kind === 'ontwikkelperspectief' ? { status: facts.status } : {}),
    ...(facts !== null ? { openThreads: facts.openThreads, mentionsYou: facts.mentioned.get(user.id) ?? 0 } : {}),
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
    return access ? [summarize(record, access, user, isQuarantined, summaries)] : []
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
  summaries: DocumentSummaries,
  id: string,
): DocumentDetail {
  const { record, access } = documentWithAccess(catalog, authorize, user, id)
  const areaName = AREAS.find((a) => a.id === record.areaId)?.name
  const provinceName = PROVINCES.find((p) => p.id === record.provinceId)?.name
  return {
    ...summarize(record, access, user, isQuarantined, summaries),
    ...(areaName !== undefined ? { areaName } : {}),
    ...(provinceName !== undefined ? { provinceName } : {}),
  }
}
