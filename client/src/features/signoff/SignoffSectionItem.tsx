// One section in the sign-off panel: its state in words, who signed which text, and what this user
// may do now (sign, ask to reopen, confirm a reopen, or ask the signatories to sign).
import type { LedgerEvent, SectionSignoff } from '@novex/shared'
import { useId } from 'react'
import type { SignoffMe } from '../../api/signoff.ts'
import { Icon } from '../../ui/Icon.tsx'
import { SignoffHistory } from './SignoffHistory.tsx'
import { formatDateTime, SIDE_NAME, STATE_LABEL, shortHash, stateKeyOf } from './signoffText.ts'

export interface SignoffSectionItemProps {
  readonly sectionId: string
  readonly label: string
  readonly state: SectionSignoff
  readonly verified: boolean
  readonly me: SignoffMe | null
  /** The user may edit the document (and so ask the signatories to sign). */
  readonly canEdit: boolean
  readonly events: readonly LedgerEvent[]
  readonly busy: boolean
  readonly error: string | null
  readonly onSign: () => void
  readonly onReopen: (mode: 'request' | 'confirm') => void
  readonly onRequest: () => void
}

export function SignoffSectionItem(props: SignoffSectionItemProps) {
  const { sectionId, label, state, verified, me, canEdit, events, busy, error } = props
  const headingId = useId()
  const key = stateKeyOf(state, verified)
  const mySide = me?.signatory ? me.side : null
  const locked = state.locked !== null
  const mine = mySide ? state.signatures.find((s) => s.signer.side === mySide) : undefined
  const request = state.reopenRequest

  return (
    <li className="signoff-item" data-testid="signoff-item" data-section-id={sectionId} data-state={key}>
      <h3 id={headingId} className="signoff-item__title">
        {label}
      </h3>
      <p className={`signoff-state signoff-state--${key}`}>
        {key === 'locked' && <Icon name="lock" size={14} />}
        {key === 'half' && <Icon name="check" size={14} />}
        <span>Status: {STATE_LABEL[key]}</span>
      </p>
      {!verified && (
        <p className="form-error">
          De opgeslagen tekst klopt niet meer met de ondertekende tekst. Meld dit aan beheer.
        </p>
      )}
      {state.signatures.length > 0 && (
        <ul className="signoff-item__signers">
          {state.signatures.map((s) => (
            <li key={s.signer.side}>
              {s.signer.side === 'rijk' ? 'Rijk' : 'Provincie'}: {s.signer.name} ({s.signer.organisationName}),{' '}
              {formatDateTime(s.at)}, tekst {shortHash(s.hash)}
            </li>
          ))}
        </ul>
      )}
      {request && (
        <p className="signoff-item__request">
          Verzoek tot heropenen door {request.by.name}: {request.reason}
        </p>
      )}
      <div className="signoff-item__actions">
        {mySide && !locked && !mine && (
          <button
            type="button"
            className="button button--small"
            data-testid="sign-section"
            data-section-id={sectionId}
            aria-describedby={headingId}
            disabled={busy}
            onClick={props.onSign}
          >
            Ondertekenen
          </button>
        )}
        {mySide && !locked && mine && <p className="hint">U heeft al ondertekend voor {SIDE_NAME[mySide]}.</p>}
        {mySide && locked && !request && (
          <button
            type="button"
            className="button button--small button--secondary"
            data-testid="reopen-section"
            data-section-id={sectionId}
            aria-describedby={headingId}
            disabled={busy}
            onClick={() => props.onReopen('request')}
          >
            Heropenen aanvragen
          </button>
        )}
        {mySide && locked && request && request.by.side !== mySide && (
          <button
            type="button"
            className="button button--small button--secondary"
            data-testid="reopen-section"
            data-section-id={sectionId}
            aria-describedby={headingId}
            disabled={busy}
            onClick={() => props.onReopen('confirm')}
          >
            Heropenen bevestigen
          </button>
        )}
        {mySide && locked && request && request.by.side === mySide && (
          <p className="hint">Het verzoek wacht op een ondertekenaar van de andere partij.</p>
        )}
        {!mySide && canEdit && !locked && state.signatures.length === 0 && !state.requested && (
          <button
            type="button"
            className="button button--small button--secondary"
            data-testid="request-signoff"
            data-section-id={sectionId}
            aria-describedby={headingId}
            disabled={busy}
            onClick={props.onRequest}
          >
            Vraag om ondertekening
          </button>
        )}
      </div>
      {error !== null && (
        <p className="form-error" role="alert" data-testid="signoff-error">
          {error}
        </p>
      )}
      <SignoffHistory events={events} />
    </li>
  )
}
