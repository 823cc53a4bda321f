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
  /** The linking section's title and number; '' when the section is gone. */
  readonly sourceTitle: string
  readonly sourceNumber: string
  /** The sentence around the link in the source, the link shown as "[…]". */
  readonly context: string
}

/**
 * GET /api/areas/<id>/wisselwerking sends `perspective: null` with one of these when there is no
 * perspective to show: the area has none yet, or the reader is no member of the area (staff of a
 * province may open its voorstel without being one).
 */
export const PERSPECTIVE_MISSING = ['absent', 'no-access'] as const
export type PerspectiveMissing = (typeof PERSPECTIVE_MISSING)[number]
