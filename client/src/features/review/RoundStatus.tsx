// The document header's review line: which ijkmoment runs ("IJkmoment 1 loopt"), and for the area's
// trekkers the buttons to open the next one or close the active one (after a confirmation). After
// closing, the round's report is shown; reports of earlier rounds can be opened from here too.
import { ROUNDS, type Round, roundName } from '@novex/shared'
import { useRef, useState } from 'react'
import type * as Y from 'yjs'
import { closeRound, fetchRoundReport, openRound, type RoundReport } from '../../api/comments.ts'
import type { CommentsContextValue } from '../comments/CommentsContext.ts'
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
  const review = useReviewState(doc)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [report, setReport] = useState<RoundReport | null>(null)
  const reportButtonsRef = useRef<HTMLDivElement>(null)
  const canManage = context?.canManage ?? false
  const closed = review.rounds.filter((r) => r.closedAt !== null)
  const nextRound = ROUNDS.find((r) => !review.rounds.some((record) => record.round === r)) ?? null
  const openThreads = context?.store.getSnapshot().threads.filter((t) => t.status === 'open').length ?? 0

  const showReport = (value: RoundReport): void => setReport(value)

  const handleOpen = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await openRound(documentId)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Openen is niet gelukt.')
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
      setError(failure instanceof Error ? failure.message : 'Afsluiten is niet gelukt.')
    } finally {
      setBusy(false)
    }
  }

  const loadReport = async (round: Round): Promise<void> => {
    setError(null)
    try {
      showReport(await fetchRoundReport(documentId, round))
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Het rapport kon niet worden geladen.')
    }
  }

  return (
    <div className="round-status-bar" ref={reportButtonsRef}>
      <p className="round-status" data-testid="round-status" data-round={review.active ?? ''}>
        {review.active !== null ? (
          <>
            <span aria-hidden="true">● </span>
            {roundName(review.active)} loopt
          </>
        ) : closed.length > 0 ? (
          `Geen ijkmoment actief (laatste: ${roundName(closed[closed.length - 1]?.round ?? 1)}, afgesloten)`
        ) : (
          'Geen ijkmoment actief'
        )}
      </p>
      {canManage && review.active === null && nextRound !== null && (
        <button
          type="button"
          className="button button--small"
          data-testid="round-open"
          disabled={busy}
          onClick={() => void handleOpen()}
        >
          {roundName(nextRound)} openen
        </button>
      )}
      {canManage && review.active !== null && (
        <button
          type="button"
          className="button button--small"
          data-testid="round-close"
          aria-haspopup="dialog"
          disabled={busy}
          onClick={() => {
            setError(null)
            setConfirming(true)
          }}
        >
          {roundName(review.active)} afsluiten
        </button>
      )}
      {closed.map((record) => (
        <button
          key={record.round}
          type="button"
          className="button button--small button--secondary"
          data-testid="round-report-open"
          onClick={() => void loadReport(record.round)}
        >
          Rapport {roundName(record.round)}
        </button>
      ))}
      {error !== null && !confirming && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
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
            onClose={() => {
              setReport(null)
              reportButtonsRef.current?.querySelector<HTMLElement>('button')?.focus()
            }}
          />
        )}
      </div>
    </div>
  )
}
