// Tells the user, unmistakably, that the server refused a change of theirs, why, and what the page
// does about it: it rebuilds the document from the server's state and replays the user's other
// changes (collab/replayPending). Text that could not be replayed (a signed-off section) is shown in
// a dialog to copy; everything else is a notice.
import { useEffect } from 'react'
import type { NumberedRefusal } from '../../collab/createCollab.ts'
import type { Recovery } from '../../collab/refusalRecovery.ts'
import { RefusedDialog, type RefusedDialogProps } from './RefusedDialog.tsx'
import { refusalText } from './refusalText.ts'
import { focusSectionIfLost } from './restoreFocus.ts'

export interface RefusalNoticeProps {
  readonly refusals: readonly NumberedRefusal[]
  readonly onDismiss: (id: number) => void
  readonly onPostAsComment?: RefusedDialogProps['onPostAsComment']
}

export function RefusalNotice({ refusals, onDismiss, onPostAsComment }: RefusalNoticeProps) {
  const latest = refusals.at(-1)
  const replayed = latest?.recovery?.phase === 'replayed' ? latest.recovery : null
  // The rebuild replaced the editors and took the caret with it: back into the section the user was
  // in (the dialog, when there is one, does this when it closes).
  useEffect(() => {
    if (replayed === null || replayed.refused.length > 0) return
    const timer = setTimeout(() => focusSectionIfLost(document, replayed.section), 0)
    return () => clearTimeout(timer)
  }, [replayed])
  if (!latest) return null
  const dismissAll = (): void => {
    for (const r of refusals) onDismiss(r.id)
  }
  const withText = refusals.findLast((r) => r.recovery?.phase === 'replayed' && r.recovery.refused.length > 0)
  if (withText?.recovery?.phase === 'replayed') {
    return (
      <RefusedDialog
        key={withText.id}
        sections={withText.recovery.refused}
        section={withText.recovery.section}
        onClose={dismissAll}
        {...(onPostAsComment ? { onPostAsComment } : {})}
      />
    )
  }
  const titleId = `refusal-${latest.id}-title`
  const bodyId = `refusal-${latest.id}-body`
  const recovery = latest.recovery
  return (
    // A live alert in a fixed place, not a modal: it must be seen wherever the user has scrolled to,
    // without taking the keyboard focus away from the text they are typing.
    <div
      className="notice notice--error notice--floating"
      role="alert"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="refusal"
      data-reason={latest.reason}
      data-recovery={recovery?.phase ?? 'none'}
    >
      <h2 id={titleId} className="notice__title">
        De server heeft een wijziging geweigerd
      </h2>
      <div id={bodyId}>
        <p>{refusalText(latest.reason)}</p>
        {recovery && <p>{recoveryText(recovery)}</p>}
        {latest.detail && <p className="notice__detail">Toelichting van de server: {latest.detail}</p>}
        {refusals.length > 1 && <p className="notice__detail">Dit is gebeurd bij {refusals.length} wijzigingen.</p>}
      </div>
      {recovery?.phase !== 'rebuilding' && (
        <button type="button" className="button button--secondary" onClick={dismissAll}>
          Begrepen
        </button>
      )}
    </div>
  )
}

function recoveryText(recovery: Recovery): string {
  switch (recovery.phase) {
    case 'rebuilding':
      return 'Het document wordt opnieuw van de server opgehaald. Daarna worden uw andere wijzigingen opnieuw toegepast.'
    case 'replayed':
      return 'Het document is opnieuw van de server opgehaald. Uw andere wijzigingen zijn opnieuw toegepast.'
    case 'gave-up':
      return 'Het lukt steeds niet om uw wijzigingen op te slaan. Ze blijven in deze browser bewaard. Laad de pagina later opnieuw.'
  }
}
