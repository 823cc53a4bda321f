// Refused because the user may only read or comment, the waiting changes can never be sent from this
// page; kept, they would be sent, and refused, on every visit, and the page would say "Opslaan…" for
// ever. After copying them (UnsavedTextCopy) the user can drop them here: a button, then a confirmation
// that says what goes (the focus moves to its button, which the question describes, and back when it
// is cancelled). The server kept their text with the refusal (refused_changes, shown on "Uw geweigerde
// wijzigingen"); the page then shows the document as the server has it.
import { Button } from '@rijkshuisstijl-community/components-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

type DiscardState = 'idle' | 'confirming' | 'discarding'

export function DiscardUnsaved({ onDiscard }: { readonly onDiscard: () => void }) {
  const { t } = useTranslation('connection')
  const [state, setState] = useState<DiscardState>('idle')
  const startRef = useRef<HTMLButtonElement>(null)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const previous = useRef<DiscardState>(state)

  useEffect(() => {
    if (state === 'confirming') confirmRef.current?.focus()
    else if (state === 'idle' && previous.current === 'confirming') startRef.current?.focus()
    previous.current = state
  }, [state])

  if (state === 'discarding')
    return (
      <p className="notice__action" role="status" data-testid="discard-unsaved-status">
        {t('refusal.discarding')}
      </p>
    )
  if (state === 'confirming')
    return (
      <div className="notice__action">
        <p id="discard-unsaved-question">{t('refusal.discardQuestion')}</p>
        <Button
          type="button"
          ref={confirmRef}
          appearance="primary-action-button"
          aria-describedby="discard-unsaved-question"
          data-testid="discard-unsaved-confirm"
          onClick={() => {
            setState('discarding')
            onDiscard()
          }}
        >
          {t('refusal.discardYes')}
        </Button>{' '}
        <Button type="button" appearance="secondary-action-button" onClick={() => setState('idle')}>
          {t('common:cancel')}
        </Button>
      </div>
    )
  return (
    <div className="notice__action">
      <Button
        type="button"
        ref={startRef}
        appearance="secondary-action-button"
        data-testid="discard-unsaved"
        onClick={() => setState('confirming')}
      >
        {t('refusal.discard')}
      </Button>
    </div>
  )
}
