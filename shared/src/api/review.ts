// The review API's answers: the review state, the named versions, word differences (a version comparison,
// a round report, a changed link's target), the comparison of two versions per section, and the report of a
// closed ijkmoment.
import type { ReviewState, Round } from '../comments/commentTypes.ts'
import type { LinkState } from '../links/sectionLink.ts'

/** GET /api/documents/<id>/review: the ijkmomenten of the document, and whether the user may open and close them. */
export interface ReviewAnswer {
  readonly state: ReviewState
  /** The user is a trekker of the document's area (or province). */
  readonly canManage: boolean
}

/**
 * What a named version is. The server stores one at the start (`roundStart`) and the end (`roundEnd`) of
 * each ijkmoment, and when a perspective is submitted for consent (`submitted`) or adopted (`adopted`).
 * Nobody names a version by hand; `other` is a row whose kind could not be read from its name when kinds
 * were introduced (migration v17), known only by that name.
 */
export const VERSION_KINDS = ['roundStart', 'roundEnd', 'submitted', 'adopted', 'other'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

/** One named version in GET /api/documents/<id>/versions (oldest first). */
export interface VersionSummary {
  readonly id: number
  readonly kind: VersionKind
  /** The ijkmoment a `roundStart` or `roundEnd` belongs to; null for the other kinds. */
  readonly round: Round | null
  /**
   * The Dutch name stored with it ("Begin IJkmoment 1", "Einde IJkmoment 1", "Ter instemming aangeboden",
   * "Vastgesteld"). A page shows the name of its own language for every kind but `other`, from the kind
   * and the round; for `other` this name, as stored.
   */
  readonly name: string
  /** When it was stored (ms since the epoch). */
  readonly createdAt: number
  /** "Name (Organisation)" of the one whose action stored it. */
  readonly createdBy: string
}

/**
 * A run of text in a word diff: unchanged (neither flag), only in the later text (`added`) or only in the
 * earlier one (`removed`). The flags are absent rather than false. A section link in a version comparison
 * or a round report is a part of its own, with `link` (docs/links.md, "In a comparison").
 */
export interface DiffPart {
  readonly value: string
  readonly added?: true
  readonly removed?: true
  /** Set when this part is a section link: `value` then names it in Dutch, for readers of the raw answer. */
  readonly link?: DiffLink
}

/**
 * How a link in a comparison names its target to the reader: `valid`, `broken` (the section is gone: the
 * title and number it last had), `no-access` (no title: the reader may not open that document) or
 * `unavailable` (the server cannot open that document for now: the last known title). Whether the target
 * changed since the link was made (`suspect`) is the links API's business, not a comparison's.
 */
export type DiffLinkState = Exclude<LinkState, 'suspect'>

/** A section link in a word diff: the section it names, as the reader of the answer may see it now. */
export interface DiffLink {
  readonly documentId: string
  readonly sectionId: string
  /** Always set in an answer; absent only in a round report as stored, before it is read for someone. */
  readonly state?: DiffLinkState
  /** The target section's number and title ('' when unknown); absent when `no-access`. */
  readonly number?: string
  readonly title?: string
  /** The target document's title, when the link goes to another document (and the reader may open it). */
  readonly documentTitle?: string
}

export const SECTION_CHANGE_STATUSES = ['changed', 'added', 'removed', 'same'] as const
export type SectionChangeStatus = (typeof SECTION_CHANGE_STATUSES)[number]

/** One section in GET /api/documents/<id>/versions/compare: title and text as a word diff. */
export interface SectionComparison {
  readonly sectionId: string
  /** The later title ('' when the section has none); the earlier one for a removed section. */
  readonly title: string
  readonly status: SectionChangeStatus
  readonly parts: readonly DiffPart[]
  /** Words in the added and in the removed parts (a link is no word: it is a part of its own). */
  readonly inserted: number
  readonly deleted: number
}

/** Threads counted per organisation (name) of the one who opened them. */
export type CountsByOrganisation = Readonly<Record<string, number>>

export interface RoundReportSection {
  readonly sectionId: string
  readonly number: string
  readonly title: string
  /** Threads opened in the round, resolved during it, and still open at its close. */
  readonly opened: CountsByOrganisation
  readonly resolved: CountsByOrganisation
  readonly open: CountsByOrganisation
  /** What changed in the text between the start and the end of the round. */
  readonly changes: { readonly inserted: number; readonly deleted: number; readonly parts: readonly DiffPart[] }
}

/** The report of a closed ijkmoment (the close's answer, and GET …/review/<round>/report). */
export interface RoundReport {
  readonly round: Round
  readonly name: string
  /** When the round opened and closed (ms since the epoch). */
  readonly openedAt: number
  readonly closedAt: number
  readonly sections: readonly RoundReportSection[]
  readonly totals: { readonly opened: number; readonly resolved: number; readonly open: number }
}
