// "Besluitvorming" on the "Gereed voor BO-MIRT?" page: the steps of an ontwikkelperspectief with the
// current one marked (aria-current="step"; a closed ijkmoment reads "afgerond": statusSteps.ts), the
// decisions recorded so far, and for the area's trekkers the next decision they can record
// (StatusActions). Live: it follows the document's server-owned maps.
import type { SignSide, StatusDecision } from '@novex/shared'
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { Trans, useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { formatDateTime } from '../../i18n/formatDate.ts'
import { ArchivedDossiers } from './ArchivedDossiers.tsx'
import { StatusActions } from './StatusActions.tsx'
import { type StatusStep, statusSteps, stepNote } from './statusSteps.ts'
import { useDocumentStatus } from './useDocumentStatus.ts'

export interface StatusPanelProps {
  readonly documentId: string
  /** The live document once synced; null while it loads. */
  readonly doc: Y.Doc | null
  /** A trekker of the area (may record decisions). */
  readonly trekker: boolean
  /** The side the user's organisation decides for; null: neither. */
  readonly side: SignSide | null
  /** All eight components are signed by both parties (the readiness verdict). */
  readonly ready: boolean
}

/** yyyy-mm-dd as dd-mm-jjjj. */
const dayOf = (date: string | null): string => (date === null ? '' : date.split('-').reverse().join('-'))

export function StatusPanel({ documentId, doc, trekker, side, ready }: StatusPanelProps) {
  const { t } = useTranslation('status')
  return (
    <section className="status-panel" aria-labelledby="status-title" data-testid="status-panel">
      <Heading level={2} id="status-title">
        {t('title')}
      </Heading>
      <Paragraph>{t('lead')}</Paragraph>
      {doc === null ? (
        <p className="empty-state" role="status">
          {t('loading')}
        </p>
      ) : (
        <StatusOverview documentId={documentId} doc={doc} trekker={trekker} side={side} ready={ready} />
      )}
    </section>
  )
}

function StatusOverview({ documentId, doc, trekker, side, ready }: StatusPanelProps & { readonly doc: Y.Doc }) {
  const { t } = useTranslation('status')
  const view = useDocumentStatus(doc)
  return (
    <>
      <ol className="status-steps" aria-label={t('stepsLabel')}>
        {statusSteps(view.status, view.roundActive).map((step) => (
          <StepItem key={step.status} step={step} />
        ))}
      </ol>
      <Heading level={3}>{t('history')}</Heading>
      {view.record.decisions.length === 0 ? (
        <Paragraph>{t('noHistory')}</Paragraph>
      ) : (
        <ul className="status-history" data-testid="status-history">
          {view.record.decisions.map((decision) => (
            <DecisionItem key={`${decision.kind}-${decision.at}`} decision={decision} />
          ))}
        </ul>
      )}
      {view.status === 'vastgesteld' && <ArchivedDossiers documentId={documentId} trekker={trekker} />}
      <StatusActions documentId={documentId} view={view} trekker={trekker} side={side} ready={ready} />
    </>
  )
}

/** One step: its name and, where it says something, "(afgerond)", "(nu)" or "(volgende stap)". */
function StepItem({ step }: { readonly step: StatusStep }) {
  const { t } = useTranslation('status')
  const note = stepNote(step)
  return (
    <li
      className={`status-steps__step${step.done ? ' status-steps__step--done' : ''}${step.current ? ' status-steps__step--current' : ''}`}
      aria-current={step.current ? 'step' : undefined}
      data-status={step.status}
    >
      {t(`names.${step.status}`)}
      {note !== null && (
        <>
          {' '}
          <span className={note.hidden ? 'visually-hidden' : 'status-steps__now'}>{t(note.key)}</span>
        </>
      )}
    </li>
  )
}

function DecisionItem({ decision }: { readonly decision: StatusDecision }) {
  const { t } = useTranslation('status')
  const noteKey = decision.kind === 'withdrawn' ? 'reason' : decision.kind === 'submitted' ? 'note' : 'reference'
  return (
    <li>
      <Trans
        t={t}
        i18nKey={`event.${decision.kind}`}
        values={{
          name: decision.by.name,
          organisation: decision.by.organisationName,
          at: formatDateTime(decision.at),
          date: dayOf(decision.date),
          side: decision.by.side === null ? '' : t(`sides.${decision.by.side}`),
        }}
        components={{ who: <span translate="no" /> }}
      />
      {decision.note !== '' && (
        <>
          {' '}
          <span translate="no">{t(noteKey, { note: decision.note })}</span>
        </>
      )}
    </li>
  )
}
