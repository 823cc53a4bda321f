// Asks a trekker to confirm closing the active ijkmoment. A native modal <dialog>: the rest of the
// page is inert while it is open, Escape cancels, and the focus returns to the button that opened it.
import { type Round, roundName } from '@novex/shared'
import { useEffect, useId, useRef } from 'react'

export interface CloseRoundDialogProps {
  readonly round: Round
  readonly openThreads: number
  readonly busy: boolean
  readonly error: string | null
  readonly onConfirm: () => void
  readonly onCancel: () => void
}

export function CloseRoundDialog({ round, openThreads, busy, error, onConfirm, onCancel }: CloseRoundDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const openerRef = useRef<Element | null>(null)
  const titleId = useId()

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

  const next = round < 3 ? roundName((round + 1) as Round) : null
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      data-testid="round-close-dialog"
      onClose={cancel}
    >
      <h2 id={titleId} className="dialog__title">
        {roundName(round)} afsluiten?
      </h2>
      <p>
        Er wordt een versie van het hele document bewaard en een rapport gemaakt.{' '}
        {openThreads === 0
          ? 'Alle reacties zijn opgelost.'
          : `${openThreads} ${openThreads === 1 ? 'reactie is' : 'reacties zijn'} nog open${
              next ? ` en ${openThreads === 1 ? 'gaat' : 'gaan'} mee naar ${next}` : ''
            }.`}
      </p>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__buttons">
        <button type="button" className="button" data-testid="round-close-confirm" disabled={busy} onClick={onConfirm}>
          {busy ? 'Bezig…' : `${roundName(round)} afsluiten`}
        </button>
        <button
          ref={cancelRef}
          type="button"
          className="button button--secondary"
          onClick={() => dialogRef.current?.close()}
        >
          Annuleren
        </button>
      </div>
    </dialog>
  )
}
