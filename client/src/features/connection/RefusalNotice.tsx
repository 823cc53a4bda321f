// Tells the user, unmistakably, that the server refused a change of theirs and why.
import type { NumberedRefusal } from '../../collab/createCollab.ts'
import { refusalText } from './refusalText.ts'

export interface RefusalNoticeProps {
  readonly refusals: readonly NumberedRefusal[]
  readonly onDismiss: (id: number) => void
}

export function RefusalNotice({ refusals, onDismiss }: RefusalNoticeProps) {
  const latest = refusals.at(-1)
  if (!latest) return null
  const titleId = `refusal-${latest.id}-title`
  const bodyId = `refusal-${latest.id}-body`
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
    >
      <h2 id={titleId} className="notice__title">
        De server heeft een wijziging geweigerd
      </h2>
      <div id={bodyId}>
        <p>{refusalText(latest.reason)}</p>
        {latest.detail && <p className="notice__detail">Toelichting van de server: {latest.detail}</p>}
        {refusals.length > 1 && <p className="notice__detail">Dit is gebeurd bij {refusals.length} wijzigingen.</p>}
      </div>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          for (const r of refusals) onDismiss(r.id)
        }}
      >
        Begrepen
      </button>
    </div>
  )
}
