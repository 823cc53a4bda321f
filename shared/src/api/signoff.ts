// The sign-off API's answers: the overview of a document's sign-offs (GET /api/documents/<id>/signoffs), and
// the BO-MIRT readiness (GET /api/documents/<id>/readiness).
import type { ComponentKey } from '../components.ts'
import type { LedgerEvent, SectionSignoff, SignSide } from '../signoff/signoffRule.ts'

/** The user asking, as a signer of this document. */
export interface SignoffMe {
  /** The side the user signs for; null when the user does not sign this document. */
  readonly side: SignSide | null
  /** True exactly when `side` is set. */
  readonly signatory: boolean
}

/** One section of the overview, in document order. */
export interface SectionSignoffSummary {
  readonly sectionId: string
  /** Its number in the document ('1.2'; '?' for a section caught in a parent cycle). */
  readonly number: string
  /** '' when the section has none. */
  readonly title: string
  readonly component: ComponentKey | null
  /** The hash of its current content (sectionHash). */
  readonly hash: string
  /** The open state for a section without any ledger event. */
  readonly state: SectionSignoff
  /** False for a locked section whose stored content no longer matches its signed hash. */
  readonly verified: boolean
}

/** GET /api/documents/<id>/signoffs: the user as a signer, every section's sign-off, and the ledger. */
export interface SignoffOverview {
  readonly me: SignoffMe
  readonly sections: readonly SectionSignoffSummary[]
  readonly ledger: readonly LedgerEvent[]
}

// The BO-MIRT readiness. For each of the eight required components, whether the document has it, whether
// it has text, whether each party signed it and whether it is locked; ready only when all are locked.

export interface ComponentReadiness {
  readonly component: ComponentKey
  /** The component's title (COMPONENTS). */
  readonly label: string
  /** The section that holds the component; null when the document has none. */
  readonly sectionId: string | null
  readonly present: boolean
  readonly nonEmpty: boolean
  readonly signedRijk: boolean
  readonly signedProvincie: boolean
  readonly locked: boolean
  /** Open comment threads on the section (not a condition). */
  readonly openThreads: number
  /** The oldest of them (a link opens it); null when none is open. */
  readonly openThreadId: string | null
}

/** GET /api/documents/<id>/readiness. */
export interface Readiness {
  readonly ready: boolean
  readonly components: readonly ComponentReadiness[]
}
