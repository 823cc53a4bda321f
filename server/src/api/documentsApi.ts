// GET /api/documents and GET /api/documents/:id.
import { AREAS, isDocumentId, PROVINCES } from '@novex/shared'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import { notFound } from './respond.ts'

export interface DocumentSummary {
  readonly id: string
  readonly kind: DocumentRecord['kind']
  readonly title: string
  readonly areaId?: string
  readonly provinceId?: string
}

export interface DocumentDetail extends DocumentSummary {
  readonly areaName?: string
  readonly provinceName?: string
}

export function summarize(record: DocumentRecord): DocumentSummary {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    ...(record.areaId !== null ? { areaId: record.areaId } : {}),
    ...(record.provinceId !== null ? { provinceId: record.provinceId } : {}),
  }
}

export function listDocuments(catalog: DocumentCatalog): DocumentSummary[] {
  return catalog.list().map(summarize)
}

export function getDocument(catalog: DocumentCatalog, id: string): DocumentDetail {
  const record = isDocumentId(id) ? catalog.get(id) : null
  if (!record) throw notFound()
  const areaName = AREAS.find((a) => a.id === record.areaId)?.name
  const provinceName = PROVINCES.find((p) => p.id === record.provinceId)?.name
  return {
    ...summarize(record),
    ...(areaName !== undefined ? { areaName } : {}),
    ...(provinceName !== undefined ? { provinceName } : {}),
  }
}
