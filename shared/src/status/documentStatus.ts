// Where an ontwikkelperspectief stands in the process (shared/DOMAIN.md): Concept → IJkmoment 1 →
// IJkmoment 2 → IJkmoment 3 → Ter instemming (BOL/BO-MIRT) → Onderschreven door Rijk en regio →
// Vastgesteld. The ijkmoment steps follow the review rounds (the last round opened); the later steps are
// decisions the area's trekkers record, kept in the server-owned meta map under `status`
// (`StatusRecord`, every decision with who, when and the meeting or decision it refers to). The status
// is derived from both, here, in one place: the server enforces it, the page shows it.
//
// From "Ter instemming" on the document is frozen: the server refuses every change to its sections
// (what both governments consent to and adopt is what was submitted). Withdrawing the submission, with
// a reason, unfreezes it.
import type * as Y from 'yjs'
import { NO_REVIEW, type ReviewState } from '../comments/commentTypes.ts'
import type { SignSide } from '../signoff/signoffRule.ts'
import { readReview } from '../ydoc/commentsMirror.ts'
import { metaMap } from '../ydoc/schema.ts'

export const DOCUMENT_STATUSES = [
  'concept',
  'ijkmoment-1',
  'ijkmoment-2',
  'ijkmoment-3',
  'ter-instemming',
  'onderschreven',
  'vastgesteld',
] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

/** The meta key of the status record. */
export const STATUS_KEY = 'status'

export const STATUS_DECISIONS = ['submitted', 'withdrawn', 'consented', 'adopted'] as const
export type StatusDecisionKind = (typeof STATUS_DECISIONS)[number]

/** Limits the server enforces on a decision's words. */
export const STATUS_LIMITS = { noteChars: 500 } as const

export interface StatusDecider {
  readonly userId: string
  readonly name: string
  readonly organisationName: string
  /** The side the trekker decides for (consent and adoption need one of each). */
  readonly side: SignSide | null
}

export interface StatusDecision {
  readonly kind: StatusDecisionKind
  /** When it was recorded (ms). */
  readonly at: number
  readonly by: StatusDecider
  /** Consent and adoption: the day of the meeting or decision (yyyy-mm-dd); null otherwise. */
  readonly date: string | null
  /**
   * Submitted: an optional note; withdrawn: the reason; consented: the meeting (e.g. "BO-MIRT najaar
   * 2026"); adopted: the decision (e.g. "Besluit GS 2026-123").
   */
  readonly note: string
}

export interface StatusRecord {
  readonly decisions: readonly StatusDecision[]
}

export const NO_STATUS_DECISIONS: StatusRecord = { decisions: [] }

export function readStatusRecord(doc: Y.Doc): StatusRecord {
  const value = metaMap(doc).get(STATUS_KEY)
  return isStatusRecord(value) ? value : NO_STATUS_DECISIONS
}

/** The decisions since the last submission, when that submission still stands; null when none stands. */
export function standingSubmission(record: StatusRecord): readonly StatusDecision[] | null {
  const last = record.decisions.findLastIndex((d) => d.kind === 'submitted' || d.kind === 'withdrawn')
  if (last < 0 || record.decisions[last]?.kind !== 'submitted') return null
  return record.decisions.slice(last)
}

/** The sides that recorded `kind` (consent or adoption) on the standing submission. */
export function sidesThatDecided(record: StatusRecord, kind: 'consented' | 'adopted'): ReadonlySet<SignSide> {
  const since = standingSubmission(record) ?? []
  return new Set(since.flatMap((d) => (d.kind === kind && d.by.side !== null ? [d.by.side] : [])))
}

const BOTH_SIDES = 2

export function documentStatus(review: ReviewState, record: StatusRecord): DocumentStatus {
  if (standingSubmission(record) !== null) {
    if (sidesThatDecided(record, 'adopted').size === BOTH_SIDES) return 'vastgesteld'
    if (sidesThatDecided(record, 'consented').size === BOTH_SIDES) return 'onderschreven'
    return 'ter-instemming'
  }
  const round = review.rounds.at(-1)?.round
  return round === undefined ? 'concept' : `ijkmoment-${round}`
}

export function statusOf(doc: Y.Doc): DocumentStatus {
  return documentStatus(readReview(doc) ?? NO_REVIEW, readStatusRecord(doc))
}

/** Submitted and beyond: nothing in the document's sections may change. */
export function isFrozenStatus(status: DocumentStatus): boolean {
  return status === 'ter-instemming' || status === 'onderschreven' || status === 'vastgesteld'
}

export function isFrozen(doc: Y.Doc): boolean {
  return isFrozenStatus(statusOf(doc))
}

function isStatusRecord(value: unknown): value is StatusRecord {
  if (typeof value !== 'object' || value === null || !('decisions' in value)) return false
  const { decisions } = value
  return (
    Array.isArray(decisions) &&
    decisions.every(
      (d: unknown) =>
        typeof d === 'object' &&
        d !== null &&
        'kind' in d &&
        (STATUS_DECISIONS as readonly unknown[]).includes(d.kind) &&
        'by' in d &&
        typeof d.by === 'object' &&
        d.by !== null,
    )
  )
}
