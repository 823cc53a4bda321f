// The steps of an ontwikkelperspectief as "Gereed voor BO-MIRT?" lists them (shared/DOMAIN.md):
// Concept → IJkmoment 1 → 2 → 3 → Ter instemming → Onderschreven → Vastgesteld. The current step is the
// document's status (@novex/shared documentStatus, as the document header says it). An ijkmoment's step
// lasts from the opening of its review round until the next step begins, so once that round is closed
// the current step is finished too: it then reads "(afgerond)", not "(nu)", and the step the document
// waits for is named as the next one.
import { DOCUMENT_STATUSES, type DocumentStatus } from '@novex/shared'

export interface StatusStep {
  readonly status: DocumentStatus
  /** Where the document stands (aria-current="step"). */
  readonly current: boolean
  /** Behind the document: passed, or (the current ijkmoment) its round is closed. */
  readonly done: boolean
  /** The step the document waits for once the current one is finished. */
  readonly next: boolean
}

/** `roundActive`: a review round is running (ReviewState.active). */
export function statusSteps(status: DocumentStatus, roundActive: boolean): readonly StatusStep[] {
  const at = DOCUMENT_STATUSES.indexOf(status)
  const finished = status.startsWith('ijkmoment-') && !roundActive
  return DOCUMENT_STATUSES.map((step, index) => ({
    status: step,
    current: index === at,
    done: index < at || (index === at && finished),
    next: finished && index === at + 1,
  }))
}

export interface StepNote {
  /** The words after the step's name, in the `status` catalogue: "(afgerond)", "(nu)", "(volgende stap)". */
  readonly key: 'done' | 'now' | 'next'
  /**
   * For screen readers only: the steps passed long ago (their tick says it on screen). The finished
   * current step says "(afgerond)" on screen too, where "(nu)" stood.
   */
  readonly hidden: boolean
}

export function stepNote(step: StatusStep): StepNote | null {
  if (step.done) return { key: 'done', hidden: !step.current }
  if (step.current) return { key: 'now', hidden: false }
  if (step.next) return { key: 'next', hidden: false }
  return null
}
