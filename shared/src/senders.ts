// Who sends a document (DOMAIN.md, house style: the Rijk and the province are co-senders), as one rule
// for the document header in the app and the exported dossier, so the two always name the same
// governments: the Rijk, with the ministry that leads the NOVEX area, and every province of that area for
// an ontwikkelperspectief (De Peel: Noord-Brabant and Limburg), or the one province of a ruimtelijk
// voorstel. Names only: each place words them in its own language ("Provincie Limburg", "Province of
// Limburg") and layout.
import { AREAS, PROVINCES } from './areas.ts'

export interface DocumentSenders {
  /** The ministry that leads the area for the Rijk, e.g. "Ministerie van LVVN"; null without a known area. */
  readonly rijkLead: string | null
  /** The provinces that send it with the Rijk, by name in the area's order, e.g. ["Noord-Brabant", "Limburg"]. */
  readonly provinces: readonly string[]
}

/** What the rule reads of a document: its NOVEX area (an ontwikkelperspectief) or its province (a voorstel). */
export interface SenderSource {
  readonly areaId?: string | null | undefined
  readonly provinceId?: string | null | undefined
}

/** A province's name by its id; an id the product does not know stands as it is, so no sender is lost. */
function provinceName(id: string): string {
  return PROVINCES.find((p) => p.id === id)?.name ?? id
}

export function documentSenders(document: SenderSource): DocumentSenders {
  const area = document.areaId == null ? undefined : AREAS.find((a) => a.id === document.areaId)
  if (area !== undefined) return { rijkLead: area.rijkLead, provinces: area.provinces.map(provinceName) }
  return { rijkLead: null, provinces: document.provinceId == null ? [] : [provinceName(document.provinceId)] }
}
