// One section in the sign-off panel: its state in words, who signed which text, the reactions still
// open on it, and what this user may do now (sign, ask to reopen, confirm a reopen, or ask the
// signatories to sign).
import type { LedgerEvent, SectionSignoff, SignoffMe } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { type ReactNode, useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../i18n/formatDate.ts'
import { Icon } from '../../ui/Icon.tsx'
import { type ShownError, wordsAttributes } from './apiError.ts'
import { SignoffHistory } from './SignoffHistory.tsx'
import { shortHash, sideName, stateKeyOf } from './signoffText.ts'

export interface SignoffSectionItemProps {
  readonly sectionId: string
  readonly label: string
  readonly state: SectionSignoff
  readonly verified: boolean
  readonly me: SignoffMe | null
  /** The user may edit the document (and so ask the signatories to sign). */
  readonly canEdit: boolean
  /** Null while the ledger is not known (loading, or it could not be loaded). */
  readonly events: readonly LedgerEvent[] | null
  /** Reactions still open on the section: worth reading before signing (not a condition). */
  readonly openThreads: number
  /** Shows the oldest of them in the document; null where reactions cannot be shown. */
  readonly onShowOpen: (() => void) | null
  readonly busy: boolean
  readonly error: ShownError | null
  readonly onSign: () => void
  readonly onReopen: (mode: 'request' | 'confirm') => void
  readonly onRequest: () => void
}

export function SignoffSectionItem(props: SignoffSectionItemProps) {
  const { sectionId, label, state, verified, me, canEdit, events, busy, error } = props
  const { t } = useTranslation('signoff')
  const headingId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  /** The keyboard focus is on one of this item's action buttons. */
  const focusInActions = useRef(false)
  const actionsRef = useRef<HTMLDivElement>(null)
  const key = stateKeyOf(state, verified)
  const mySide = me?.signatory ? me.side : null
  const locked = state.locked !== null
  const mine = mySide ? state.signatures.find((s) => s.signer.side === mySide) : undefined
  const request = state.reopenRequest

  const keepFocusInItem = (removed: Node | null): void => {
    const heading = headingRef.current
    if (heading === null || removed?.isConnected) return
    const active = heading.ownerDocument.activeElement
    if (active !== null && active !== heading.ownerDocument.body) return
    focusInActions.current = false
    heading.focus()
  }
  const keepFocusRef = useRef(keepFocusInItem)
  keepFocusRef.current = keepFocusInItem

  useEffect(() => {
    const actions = actionsRef.current
    if (actions === null) return
    const handleFocusIn = (): void => {
      focusInActions.current = true
    }
    const handleFocusOut = (event: FocusEvent): void => {
      focusInActions.current = event.relatedTarget instanceof Node && actions.contains(event.relatedTarget)
      const target = event.target
      if (event.relatedTarget !== null || !(target instanceof Node)) return
      // Chromium reports a focused button that is being removed with a focusout just before it leaves
      // the document: look again once it has.
      setTimeout(() => keepFocusRef.current(target), 0)
    }
    actions.addEventListener('focusin', handleFocusIn)
    actions.addEventListener('focusout', handleFocusOut)
    return () => {
      actions.removeEventListener('focusin', handleFocusIn)
      actions.removeEventListener('focusout', handleFocusOut)
    }
  }, [])

  // While busy the buttons are aria-disabled, not disabled: a disabled button loses the focus.
  // Signing or reopening replaces the button that had the focus, and the browser would drop the focus
  // to the start of the page: keep it in this item, on its heading. Browsers that send no focusout for
  // a removed element leave the flag set, and this catches it after the render that removed it.
  useEffect(() => {
    if (focusInActions.current) keepFocusInItem(null)
  })

  const action = { sectionId, headingId, busy }

  return (
    <li className="signoff-item" data-testid="signoff-item" data-section-id={sectionId} data-state={key}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="signoff-item__title" translate="no">
        {label}
      </h3>
      <p className={`signoff-state signoff-state--${key}`}>
        {key === 'locked' && <Icon name="lock" size={14} />}
        {key === 'half' && <Icon name="check" size={14} />}
        <span>{t('state.label', { state: t(`state.${key}`) })}</span>
      </p>
      {!verified && <p className="form-error">{t('item.notVerified')}</p>}
      {state.signatures.length > 0 && (
        <ul className="signoff-item__signers">
          {state.signatures.map((s) => (
            <li key={s.signer.side}>
              {t('item.signer', {
                side: t(`sideName.${s.signer.side}`),
                name: s.signer.name,
                organisation: s.signer.organisationName,
                date: formatDateTime(s.at),
                hash: shortHash(s.hash),
              })}
            </li>
          ))}
        </ul>
      )}
      {!locked && props.openThreads > 0 && (
        <p className="signoff-item__open" data-testid="signoff-open-threads">
          {/* "Lees die voordat u ondertekent" only for whoever signs. */}
          {t(mySide ? 'item.openThreads' : 'item.openThreadsOverview', { count: props.openThreads })}
          {props.onShowOpen !== null && (
            <>
              {' '}
              <Button
                appearance="subtle-button"
                className="signoff-item__show-open"
                data-testid="signoff-show-open"
                aria-label={t('item.showOpen', { count: props.openThreads, section: label })}
                onClick={props.onShowOpen}
              >
                {t('item.showOpenShort')}
              </Button>
            </>
          )}
        </p>
      )}
      {request && (
        <p className="signoff-item__request">
          {t('item.reopenRequest', { name: request.by.name, reason: request.reason })}
        </p>
      )}
      <div className="signoff-item__actions" ref={actionsRef}>
        {mySide && !locked && !mine && (
          <ActionButton {...action} primary dialog testId="sign-section" onPress={props.onSign}>
            {t('item.sign')}
          </ActionButton>
        )}
        {mySide && !locked && mine && <p className="hint">{t('item.alreadySigned', { side: sideName(t, mySide) })}</p>}
        {mySide && locked && !request && (
          <ActionButton {...action} dialog testId="reopen-section" onPress={() => props.onReopen('request')}>
            {t('item.requestReopen')}
          </ActionButton>
        )}
        {mySide && locked && request && request.by.side !== mySide && (
          <ActionButton {...action} dialog testId="reopen-section" onPress={() => props.onReopen('confirm')}>
            {t('item.confirmReopen')}
          </ActionButton>
        )}
        {mySide && locked && request && request.by.side === mySide && <p className="hint">{t('item.reopenWaits')}</p>}
        {!mySide && canEdit && !locked && state.signatures.length === 0 && !state.requested && (
          <ActionButton {...action} testId="request-signoff" onPress={props.onRequest}>
            {t('item.requestSignoff')}
          </ActionButton>
        )}
      </div>
      {error !== null && (
        <p className="form-error" role="alert" data-testid="signoff-error" {...wordsAttributes(error)}>
          {error.text}
        </p>
      )}
      <SignoffHistory events={events} />
    </li>
  )
}

interface ActionButtonProps {
  readonly sectionId: string
  /** The item's heading, which names the section the button acts on. */
  readonly headingId: string
  readonly busy: boolean
  readonly testId: string
  readonly primary?: boolean
  /** The button opens a dialog. */
  readonly dialog?: boolean
  readonly onPress: () => void
  readonly children: ReactNode
}

/** One of the item's actions. While busy it is aria-disabled, not disabled, so it keeps the focus. */
function ActionButton(props: ActionButtonProps) {
  const { busy, onPress } = props
  return (
    <Button
      type="button"
      appearance={props.primary ? 'primary-action-button' : 'secondary-action-button'}
      className="signoff-button"
      data-testid={props.testId}
      data-section-id={props.sectionId}
      aria-describedby={props.headingId}
      aria-haspopup={props.dialog ? 'dialog' : undefined}
      aria-disabled={busy}
      onClick={() => !busy && onPress()}
    >
      {props.children}
    </Button>
  )
}
