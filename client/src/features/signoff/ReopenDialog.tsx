// Asks for the reason to reopen a locked section (a request) or to confirm another party's request.
// A native modal <dialog>: the rest of the page is inert while it is open (focus stays inside),
// Escape closes it, and the focus goes back to where it was when the dialog opened.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'

export interface ReopenTarget {
  readonly sectionId: string
  readonly sectionLabel: string
  /** `request` asks the other party; `confirm` answers the other party's request and reopens. */
  readonly mode: 'request' | 'confirm'
  /** The other party's request, shown when confirming. */
  readonly request: { readonly name: string; readonly reason: string } | null
}

export interface ReopenDialogProps {
  readonly target: ReopenTarget
  /** Sends the reason; resolves to an error message to show, or null when it worked. */
  readonly onSubmit: (reason: string) => Promise<string | null>
  readonly onClose: () => void
}

export function ReopenDialog({ target, onSubmit, onClose }: ReopenDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const reasonRef = useRef<HTMLTextAreaElement>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const titleId = useId()
  const reasonId = useId()
  const errorId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    const opener = dialog.ownerDocument.activeElement
    dialog.showModal()
    reasonRef.current?.focus()
    return () => {
      if (dialog.open) dialog.close()
      // The opener may be gone (the section reopened, so its button changed): then the panel decides.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
  }, [])

  const handleSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (reason.trim().length === 0) {
      setError('Vul een reden in.')
      reasonRef.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    const failure = await onSubmit(reason.trim())
    setBusy(false)
    if (failure === null) onCloseRef.current()
    else setError(failure)
  }

  const confirming = target.mode === 'confirm'
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      data-testid="reopen-dialog"
      // Escape (the native cancel) and dialog.close() both end here.
      onClose={() => onCloseRef.current()}
    >
      <form onSubmit={(e) => void handleSubmit(e)} noValidate>
        <h2 id={titleId} className="dialog__title">
          {confirming ? 'Heropenen bevestigen' : 'Heropenen aanvragen'}: {target.sectionLabel}
        </h2>
        {confirming && target.request ? (
          <p>
            {target.request.name} vraagt om heropenen: “{target.request.reason}”. Als u bevestigt, vervallen beide
            handtekeningen en kan iedereen de sectie weer bewerken.
          </p>
        ) : (
          <p>
            De sectie is door beide partijen ondertekend. Een ondertekenaar van de andere partij moet uw verzoek
            bevestigen. Daarna vervallen beide handtekeningen en kan de tekst weer worden bewerkt.
          </p>
        )}
        <label htmlFor={reasonId}>Reden (verplicht)</label>
        <textarea
          ref={reasonRef}
          id={reasonId}
          data-testid="reopen-reason"
          className="dialog__reason"
          rows={3}
          required
          aria-required="true"
          aria-invalid={error !== null}
          aria-describedby={error !== null ? errorId : undefined}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {error !== null && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__buttons">
          <button type="submit" className="button" data-testid="reopen-confirm" disabled={busy}>
            {busy ? 'Bezig…' : confirming ? 'Heropenen bevestigen' : 'Verzoek versturen'}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onCloseRef.current()}>
            Annuleren
          </button>
        </div>
      </form>
    </dialog>
  )
}
