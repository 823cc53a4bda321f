// Gives the keyboard focus back after a rebuild replaced the editors (see collab/documentSession):
// to the element that had it, if it is still in the page, or else to the same section's editor (or
// title), with the caret where it was when that is known. The section's new editor can still be
// mounting, so a target that is not there yet is looked for again a few times.
import { type CaretSpot, placeCaret } from '../../editor/caretSpot.ts'

const ATTEMPTS = 10
const RETRY_MS = 50

export function restoreFocus(owner: Document, before: Element | null, section: string | null): void {
  if (before instanceof HTMLElement && before !== owner.body && before.isConnected) {
    before.focus()
    return
  }
  focusSection(owner, section, ATTEMPTS)
}

/**
 * Focuses the section's editor unless the user has already put the focus somewhere; with the caret
 * where it was in the replaced editor, when that is known.
 */
export function focusSectionIfLost(owner: Document, section: string | null, caret: CaretSpot | null = null): void {
  if (owner.activeElement !== null && owner.activeElement !== owner.body) return
  focusSection(owner, section, ATTEMPTS, caret?.section === section ? caret : null)
}

function focusSection(owner: Document, section: string | null, attempts: number, caret: CaretSpot | null = null): void {
  if (section === null) return
  if (caret !== null && placeCaret(owner, caret)) return
  const root = owner.querySelector(`[data-testid="section"][data-section-id="${CSS.escape(section)}"]`)
  const target =
    root?.querySelector<HTMLElement>('[data-testid="section-content"] .ProseMirror[contenteditable="true"]') ??
    root?.querySelector<HTMLElement>('[data-testid="section-title"]:not(:disabled):not([readonly])')
  target?.focus()
  const landed = target != null && owner.activeElement === target
  if (!landed && attempts > 1) {
    setTimeout(() => {
      // Only while nobody else took the focus in the meantime.
      if (owner.activeElement === null || owner.activeElement === owner.body) {
        focusSection(owner, section, attempts - 1, caret)
      }
    }, RETRY_MS)
  }
}
