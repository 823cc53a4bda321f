// GET /api/documents/<id>/readiness: the BO-MIRT readiness. For each of the eight required components,
// whether the document has it, whether it has text, whether each party signed it and whether it is
// locked; ready only when all are locked.
import type { ComponentKey } from '../components.ts'

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

export interface Readiness {
  readonly ready: boolean
  readonly components: readonly ComponentReadiness[]
}
