// GET /api/documents/<id>/links and /backlinks (docs/links.md): a document's outgoing section links
// with their state for the reader, and the links into it from documents the reader may open.
import type { LinkState } from '../links/sectionLink.ts'

export interface OutgoingLink {
  readonly sourceSectionId: string
  readonly targetDocumentId: string
  readonly targetSectionId: string
  readonly state: LinkState
  /**
   * The target section's title and number and its document's title; absent when the reader may not open
   * the target (`no-access`). A `broken` link has the title and number the target last had ('' if unknown).
   */
  readonly title?: string
  readonly number?: string
  readonly documentTitle?: string
  /** When the target's content was last taken as the link's baseline; null when it never was. */
  readonly baselineAt: number | null
}

export interface Backlink {
  readonly targetSectionId: string
  readonly sourceDocumentId: string
  readonly sourceDocumentTitle: string
  readonly sourceSectionId: string
  /** The linking section's title and number; '' when the section is gone or its document unavailable. */
  readonly sourceTitle: string
  readonly sourceNumber: string
  /** False when the server cannot open the linking document for now (quarantined): no title then. */
  readonly sourceAvailable: boolean
  /** The sentence around the link in the source, the link shown as "[…]". */
  readonly context: string
}

/**
 * GET /api/areas/<id>/wisselwerking sends `perspective: null` with one of these when there is no
 * perspective to show: the area has none yet, the reader is no member of the area (staff of a
 * province may open its voorstel without being one), or the server cannot open it for now (quarantined).
 */
export const PERSPECTIVE_MISSING = ['absent', 'no-access', 'unavailable'] as const
export type PerspectiveMissing = (typeof PERSPECTIVE_MISSING)[number]

/** A section as the wisselwerking lists it: a row (perspective) or a column (voorstel). */
export interface WisselwerkingSection {
  readonly sectionId: string
  readonly number: string
  readonly title: string
}

/** A document of the area in the wisselwerking, with its sections in order. */
export interface WisselwerkingDocument {
  readonly documentId: string
  readonly documentTitle: string
  /** Empty when the document is unavailable. */
  readonly sections: readonly WisselwerkingSection[]
  /** False when the server cannot open the document for now (quarantined): its sections are unknown. */
  readonly available: boolean
}

/** One link between the area's documents, either direction, with its state for the reader. */
export interface WisselwerkingLink {
  readonly sourceDocumentId: string
  readonly sourceSectionId: string
  readonly targetDocumentId: string
  readonly targetSectionId: string
  readonly state: LinkState
}

/**
 * GET /api/areas/<id>/wisselwerking: the area's perspective (rows) and the voorstellen (columns) the
 * reader may open, and the links between them. `perspectiveMissing` is there exactly when `perspective`
 * is null.
 */
export interface WisselwerkingAnswer {
  readonly perspective: WisselwerkingDocument | null
  readonly perspectiveMissing?: PerspectiveMissing
  readonly voorstellen: readonly WisselwerkingDocument[]
  readonly links: readonly WisselwerkingLink[]
}
