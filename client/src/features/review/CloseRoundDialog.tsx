// Asks a trekker to confirm closing the active ijkmoment. A native modal <dialog>: the rest of the
// page is inert while it is open, the focus starts on "Annuleren" and stays inside (Tab wraps),
// Escape cancels, and the focus returns to the button that opened it.
import type { Round } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { keepTabInside } from '../../ui/keepTabInside.ts'
import { FormError } from '../comments/FormError.tsx'

export interface CloseRoundDialogProps {
  readonly round: Round
  readonly openThreads: number
  readonly busy: boolean
  readonly error: string | null
  readonly onConfirm: () => void
  readonly onCancel: () => void
}

export function CloseRoundDialog({ round, openThreads, busy, error, onConfirm, onCancel }: CloseRoundDialogProps) {
  const { t } = useTranslation('review')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const openerRef = useRef<Element | null>(null)
  const titleId = useId()
  const textId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    // Only the first time: StrictMode runs this effect twice, and by then the focus is in the dialog.
    openerRef.current ??= dialog.ownerDocument.activeElement
    // No close() on cleanup: it would fire `close` (and cancel) on StrictMode's trial unmount.
    if (!dialog.open) {
      dialog.showModal()
      cancelRef.current?.focus()
    }
  }, [])

  const cancel = (): void => {
    const opener = openerRef.current
    onCancel()
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
  }

  const name = t('round', { round })
  const next = round < 3 ? t('round', { round: round + 1 }) : null
  const stillOpen =
    openThreads === 0
      ? t('dialog.allResolved')
      : next === null
        ? t('dialog.stillOpen', { count: openThreads })
        : t('dialog.carried', { count: openThreads, next })
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      data-testid="round-close-dialog"
      onClose={cancel}
      onKeyDown={keepTabInside}
    >
      <h2 id={titleId} className="dialog__title">
        {t('dialog.title', { round: name })}
      </h2>
      <p id={textId}>
        {t('dialog.intro')} {stillOpen}
      </p>
      <FormError message={error} />
      <div className="dialog__buttons">
        <Button
          appearance="primary-action-button"
          data-testid="round-close-confirm"
          disabled={busy}
          onClick={onConfirm}
        >
          {busy ? t('dialog.busy') : t('dialog.confirm', { round: name })}
        </Button>
        <Button ref={cancelRef} appearance="secondary-action-button" onClick={() => dialogRef.current?.close()}>
          {t('common:cancel')}
        </Button>
      </div>
    </dialog>
  )
}
