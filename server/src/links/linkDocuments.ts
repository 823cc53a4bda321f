// Which documents are linked together: a perspective and the voorstellen of its area's provinces (the
// wisselwerking), and a voorstel and the perspectives of the areas its province belongs to.
import { AREAS } from '@novex/shared'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'

export function relatedDocuments(catalog: DocumentCatalog, doc: DocumentRecord): DocumentRecord[] {
  const all = catalog.list()
  if (doc.kind === 'ontwikkelperspectief') {
    const provinces = AREAS.find((a) => a.id === doc.areaId)?.provinces ?? []
    return all.filter(
      (d) => d.id === doc.id || (d.kind === 'ruimtelijk-voorstel' && provinces.includes(d.provinceId ?? '')),
    )
  }
  const areas = AREAS.filter((a) => a.provinces.includes(doc.provinceId ?? '')).map((a) => a.id)
  return all.filter((d) => d.id === doc.id || (d.kind === 'ontwikkelperspectief' && areas.includes(d.areaId ?? '')))
}

export function areaDocuments(
  catalog: DocumentCatalog,
  areaId: string,
): { perspective: DocumentRecord | null; voorstellen: DocumentRecord[] } {
  const area = AREAS.find((a) => a.id === areaId)
  const all = catalog.list()
  return {
    perspective: all.find((d) => d.kind === 'ontwikkelperspectief' && d.areaId === areaId) ?? null,
    voorstellen: all.filter(
      (d) => d.kind === 'ruimtelijk-voorstel' && (area?.provinces ?? []).includes(d.provinceId ?? ''),
    ),
  }
}
