// Asks for the reason to reopen a locked section (a request) or to confirm another party's request.
// A native modal <dialog>: the rest of the page is inert while it is open (focus stays inside),
// Escape closes it, and the focus goes back to where it was when the dialog opened.
import { Button, Heading, Paragraph, Textarea } from '@rijkshuisstijl-community/components-react'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LabelledField } from '../../ui/LabelledField.tsx'
import { ModalDialog } from '../../ui/ModalDialog.tsx'
import { ownWords, type ShownError, wordsAttributes } from './apiError.ts'

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
  /** Sends the reason; resolves to the failure to show, or null when it worked. */
  readonly onSubmit: (reason: string) => Promise<ShownError | null>
  readonly onClose: () => void
}

export function ReopenDialog({ target, onSubmit, onClose }: ReopenDialogProps) {
  const { t } = useTranslation('signoff')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const reasonRef = useRef<HTMLTextAreaElement>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<ShownError | null>(null)
  const [busy, setBusy] = useState(false)
  const titleId = useId()
  const descriptionId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  const handleSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (busy) return
    if (reason.trim().length === 0) {
      setError(ownWords(t('reopen.reasonMissing')))
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
  const section = target.sectionLabel
  return (
    <ModalDialog
      dialogRef={dialogRef}
      testId="reopen-dialog"
      labelledBy={titleId}
      describedBy={descriptionId}
      initialFocus={reasonRef}
      onClose={() => onCloseRef.current()}
    >
      <form onSubmit={(e) => void handleSubmit(e)} noValidate>
        <Heading level={2} appearanceLevel={3} id={titleId} className="dialog__title">
          {t(confirming ? 'reopen.titleConfirm' : 'reopen.titleRequest', { section })}
        </Heading>
        <Paragraph id={descriptionId}>
          {confirming && target.request
            ? t('reopen.explainConfirm', {
                name: target.request.name,
                reason: target.request.reason,
                // A reason that ends its own sentence gets no second full stop after the quote.
                end: /[.!?…]$/.test(target.request.reason.trim()) ? '' : '.',
              })
            : t('reopen.explainRequest')}
        </Paragraph>
        <LabelledField
          label={t('reopen.reason')}
          error={error?.text}
          errorAttributes={error === null ? undefined : wordsAttributes(error)}
          required
        >
          {(control) => (
            <Textarea
              {...control}
              ref={reasonRef}
              data-testid="reopen-reason"
              className="dialog__reason"
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </LabelledField>
        <div className="dialog__buttons">
          <Button type="submit" appearance="primary-action-button" data-testid="reopen-confirm" aria-disabled={busy}>
            {busy ? t('reopen.busy') : t(confirming ? 'reopen.confirm' : 'reopen.send')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => onCloseRef.current()}>
            {t('reopen.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  )
}
