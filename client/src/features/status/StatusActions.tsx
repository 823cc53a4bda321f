// The next decision a trekker can record on an ontwikkelperspectief: submit it for consent (after
// IJkmoment 3, with all components signed), withdraw the submission (with a reason), record their side's
// consent at the meeting, then their side's adoption. The server decides (api/statusApi.ts) and its
// refusal is shown in words; the panel follows the result live from the document.
import { type SignSide, sidesThatDecided } from '@novex/shared'
import { Button, Textarea, TextInput } from '@rijkshuisstijl-community/components-react'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { recordDecision, submitForConsent, withdrawSubmission } from '../../api/status.ts'
import { formatDate } from '../../i18n/formatDate.ts'
import { parseDate } from '../../i18n/parseDate.ts'
import { LabelledField } from '../../ui/LabelledField.tsx'
import { apiErrorText } from '../comments/apiErrorText.ts'
import { FormError } from '../comments/FormError.tsx'
import type { DocumentStatusView } from './useDocumentStatus.ts'

export interface StatusActionsProps {
  readonly documentId: string
  readonly view: DocumentStatusView
  readonly trekker: boolean
  readonly side: SignSide | null
  readonly ready: boolean
}

const OTHER: Record<SignSide, SignSide> = { rijk: 'provincie', provincie: 'rijk' }

export function StatusActions({ documentId, view, trekker, side, ready }: StatusActionsProps) {
  const { t } = useTranslation('status')
  if (!trekker) return <p className="hint">{t('actions.onlyTrekkers')}</p>
  const { status } = view
  if (status === 'vastgesteld') return null
  if (status === 'ter-instemming' || status === 'onderschreven') {
    const kind = status === 'ter-instemming' ? 'consented' : 'adopted'
    const done = sidesThatDecided(view.record, kind)
    return (
      <div className="status-actions">
        {side === null ? (
          <p className="hint">{t('actions.noSide')}</p>
        ) : done.has(side) ? (
          <p className="hint" data-testid="status-waiting">
            {t('actions.waiting', { side: t(`sides.${side}`), other: t(`sides.${OTHER[side]}`) })}
          </p>
        ) : (
          <DecisionForm documentId={documentId} kind={kind === 'consented' ? 'consent' : 'adopt'} side={side} />
        )}
        {status === 'ter-instemming' && <WithdrawForm documentId={documentId} />}
      </div>
    )
  }
  if (status !== 'ijkmoment-3' || view.roundActive || !ready) return <p className="hint">{t('actions.notYet')}</p>
  return <SubmitForm documentId={documentId} />
}

/** Runs a decision: busy while it is sent, the refusal in words. */
function useDecision() {
  const { t, i18n } = useTranslation('status')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      await work()
      return true
    } catch (failure) {
      setError(apiErrorText(t, i18n, failure, t('actions.failed'), 'status'))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, run }
}

function SubmitForm({ documentId }: { readonly documentId: string }) {
  const { t } = useTranslation('status')
  const [note, setNote] = useState('')
  const { busy, error, run } = useDecision()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(() => submitForConsent(documentId, note.trim()))
  }
  return (
    <form className="status-actions" onSubmit={submit} noValidate>
      <LabelledField label={t('actions.submitNote')} hint={t('actions.submitHint')}>
        {(control) => (
          <Textarea
            {...control}
            data-testid="status-note"
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </LabelledField>
      <FormError message={error} />
      <Button type="submit" appearance="primary-action-button" data-testid="status-submit" disabled={busy}>
        {busy ? t('actions.busy') : t('actions.submit')}
      </Button>
    </form>
  )
}

function WithdrawForm({ documentId }: { readonly documentId: string }) {
  const { t } = useTranslation('status')
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const { busy, error, setError, run } = useDecision()
  if (!open) {
    return (
      <Button appearance="secondary-action-button" data-testid="status-withdraw-open" onClick={() => setOpen(true)}>
        {t('actions.withdraw')}
      </Button>
    )
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (reason.trim() === '') {
      setError(t('actions.reasonRequired'))
      return
    }
    void run(() => withdrawSubmission(documentId, reason.trim())).then((ok) => {
      if (ok) setOpen(false)
    })
  }
  return (
    <form className="status-actions__form" onSubmit={submit} noValidate>
      <LabelledField label={t('actions.withdrawReason')} error={error} required>
        {(control) => (
          <Textarea
            {...control}
            data-testid="status-withdraw-reason"
            rows={2}
            maxLength={500}
            autoFocus
            value={reason}
            onChange={(e) => {
              setReason(e.target.value)
              setError(null)
            }}
          />
        )}
      </LabelledField>
      <div className="status-actions__buttons">
        <Button type="submit" appearance="primary-action-button" data-testid="status-withdraw" disabled={busy}>
          {busy ? t('actions.busy') : t('actions.withdraw')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => setOpen(false)}>
          {t('actions.cancel')}
        </Button>
      </div>
    </form>
  )
}

function DecisionForm({
  documentId,
  kind,
  side,
}: {
  readonly documentId: string
  readonly kind: 'consent' | 'adopt'
  readonly side: SignSide
}) {
  const { t } = useTranslation('status')
  const [date, setDate] = useState('')
  const [reference, setReference] = useState('')
  const [problem, setProblem] = useState<{ field: 'date' | 'reference'; text: string } | null>(null)
  const { busy, error, run } = useDecision()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    // The day as typed (dd-mm-jjjj); the server checks that it is not after today in the Netherlands.
    const day = parseDate(date)
    if (day === null || reference.trim() === '') {
      setProblem(
        date.trim() === ''
          ? { field: 'date', text: t('actions.dateRequired') }
          : day === null
            ? { field: 'date', text: t('actions.dateFormat', { example: formatDate(new Date()) }) }
            : { field: 'reference', text: t('actions.referenceRequired') },
      )
      return
    }
    setProblem(null)
    void run(() => recordDecision(documentId, kind, day, reference.trim()))
  }
  const title = t(kind === 'consent' ? 'actions.consent' : 'actions.adopt', { side: t(`sides.${side}`) })
  return (
    <form className="status-actions__form" onSubmit={submit} noValidate aria-label={title}>
      <p className="status-actions__title">{title}</p>
      <LabelledField
        label={t('actions.date')}
        hint={t('actions.dateHint', { example: formatDate(new Date()) })}
        error={problem?.field === 'date' ? problem.text : null}
        required
      >
        {(control) => (
          <TextInput
            {...control}
            className="status-actions__date"
            data-testid="status-date"
            autoComplete="off"
            spellCheck={false}
            maxLength={10}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        )}
      </LabelledField>
      <LabelledField
        label={t(kind === 'consent' ? 'actions.consentReference' : 'actions.adoptReference')}
        hint={t(kind === 'consent' ? 'actions.consentHint' : 'actions.adoptHint')}
        error={problem?.field === 'reference' ? problem.text : null}
        required
      >
        {(control) => (
          <TextInput
            {...control}
            data-testid="status-reference"
            maxLength={500}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        )}
      </LabelledField>
      <FormError message={error} />
      <Button
        type="submit"
        appearance="primary-action-button"
        data-testid={kind === 'consent' ? 'status-consent' : 'status-adopt'}
        disabled={busy}
      >
        {busy ? t('actions.busy') : t('actions.save')}
      </Button>
    </form>
  )
}
