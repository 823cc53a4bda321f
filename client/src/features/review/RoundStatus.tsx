// The document header's review line: which ijkmoment runs ("IJkmoment 1 loopt"), and for the area's
// trekkers the buttons to open the next one or close the active one (after a confirmation). After
// closing, the round's report is shown; reports of earlier rounds can be opened from here too. When
// the report closes, the focus goes back to the button that opened it (or to that round's report
// button, when it was opened by closing the round). Opening replaces the button with "… afsluiten":
// the focus goes to the status line, which then says the round runs.
import { ROUNDS, type Round, type RoundReport } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { closeRound, fetchRoundReport, openRound } from '../../api/comments.ts'
import { apiErrorText } from '../comments/apiErrorText.ts'
import type { CommentsContextValue } from '../comments/CommentsContext.ts'
import { FormError } from '../comments/FormError.tsx'
import { CloseRoundDialog } from './CloseRoundDialog.tsx'
import { RoundReportView } from './RoundReportView.tsx'
import { useReviewState } from './useReviewState.ts'
import '../../styles/comments.css'

export interface RoundStatusProps {
  readonly documentId: string
  readonly doc: Y.Doc | null
  /** The page's comment setup: whether the user is a trekker, the open threads. */
  readonly comments: CommentsContextValue | null
}

export function RoundStatus({ documentId, doc, comments: context }: RoundStatusProps) {
  const { t, i18n } = useTranslation('review')
  const review = useReviewState(doc)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [report, setReport] = useState<RoundReport | null>(null)
  // The round this user just opened, until the live state shows it running and the focus moved there.
  const [opened, setOpened] = useState<Round | null>(null)
  const barRef = useRef<HTMLDivElement>(null)
  const statusRef = useRef<HTMLParagraphElement>(null)
  const reportOpenerRef = useRef<Element | null>(null)
  const canManage = context?.canManage ?? false
  const closed = review.rounds.filter((r) => r.closedAt !== null)
  const nextRound = ROUNDS.find((r) => !review.rounds.some((record) => record.round === r)) ?? null
  const openThreads = context?.store.getSnapshot().threads.filter((thread) => thread.status === 'open').length ?? 0
  const roundName = (round: Round): string => t('round', { round })

  const showReport = (value: RoundReport): void => {
    reportOpenerRef.current = document.activeElement
    setReport(value)
  }

  const closeReport = (round: Round): void => {
    setReport(null)
    const opener = reportOpenerRef.current
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    else barRef.current?.querySelector<HTMLElement>(`[data-testid="round-report-open"][data-round="${round}"]`)?.focus()
  }

  // The open button is gone once the round runs, and the browser would drop the focus to the start of
  // the page: put it on the status line, whose text ("IJkmoment 2 loopt") a screen reader then reads.
  // Only when the live state says so (the server's answer and the state come in either order), so
  // that the line is not read out while it still says no round runs.
  useEffect(() => {
    if (opened === null || review.active !== opened) return
    setOpened(null)
    statusRef.current?.focus()
  }, [opened, review.active])

  const handleOpen = async (): Promise<void> => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const state = await openRound(documentId)
      setOpened(state.active)
    } catch (failure) {
      setError(apiErrorText(t, i18n, failure, t('openFailed')))
    } finally {
      setBusy(false)
    }
  }

  const handleClose = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      const result = await closeRound(documentId)
      setConfirming(false)
      showReport(result.report)
    } catch (failure) {
      setError(apiErrorText(t, i18n, failure, t('closeFailed')))
    } finally {
      setBusy(false)
    }
  }

  const loadReport = async (round: Round): Promise<void> => {
    setError(null)
    try {
      showReport(await fetchRoundReport(documentId, round))
    } catch (failure) {
      setError(apiErrorText(t, i18n, failure, t('reportFailed')))
    }
  }

  const last = closed[closed.length - 1]
  return (
    <div className="round-status-bar" ref={barRef}>
      <p
        ref={statusRef}
        className="round-status"
        data-testid="round-status"
        data-round={review.active ?? ''}
        tabIndex={-1}
      >
        {review.active !== null ? (
          <>
            <span aria-hidden="true">{'● '}</span>
            {t('status.running', { round: roundName(review.active) })}
          </>
        ) : last !== undefined ? (
          t('status.noneAfter', { round: roundName(last.round) })
        ) : (
          t('status.none')
        )}
      </p>
      {canManage && review.active === null && nextRound !== null && (
        // aria-disabled while busy, not disabled: a disabled button loses the focus.
        <Button
          appearance="primary-action-button"
          data-testid="round-open"
          aria-disabled={busy}
          onClick={() => void handleOpen()}
        >
          {t('open', { round: roundName(nextRound) })}
        </Button>
      )}
      {canManage && review.active !== null && (
        <Button
          appearance="primary-action-button"
          data-testid="round-close"
          aria-haspopup="dialog"
          disabled={busy}
          onClick={() => {
            setError(null)
            setConfirming(true)
          }}
        >
          {t('close', { round: roundName(review.active) })}
        </Button>
      )}
      {closed.map((record) => (
        <Button
          key={record.round}
          appearance="secondary-action-button"
          data-testid="round-report-open"
          data-round={record.round}
          onClick={() => void loadReport(record.round)}
        >
          {t('reportButton', { round: roundName(record.round) })}
        </Button>
      ))}
      {!confirming && <FormError message={error} />}
      {confirming && review.active !== null && (
        <CloseRoundDialog
          round={review.active}
          openThreads={openThreads}
          busy={busy}
          error={error}
          onConfirm={() => void handleClose()}
          onCancel={() => setConfirming(false)}
        />
      )}
      <div className="round-status-bar__report">
        {report !== null && (
          <RoundReportView
            key={`${report.round}:${report.closedAt}`}
            documentId={documentId}
            report={report}
            onClose={() => closeReport(report.round)}
          />
        )}
      </div>
    </div>
  )
}
