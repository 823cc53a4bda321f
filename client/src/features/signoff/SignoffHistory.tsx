// The sign-off history of one section: every ledger event, oldest first, with date, time and the
// short hash of the text it concerns. Collapsed by default. While the ledger is not known (loading, or
// the server unreachable) it shows no count: "Geschiedenis (0)" would say nothing happened.
import type { LedgerEvent } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../i18n/formatDate.ts'
import { ledgerText } from './signoffText.ts'

export function SignoffHistory({ events }: { readonly events: readonly LedgerEvent[] | null }) {
  const { t } = useTranslation('signoff')
  return (
    <details className="signoff-history" data-testid="signoff-history">
      <summary>{events === null ? t('history.summaryUnknown') : t('history.summary', { n: events.length })}</summary>
      {events === null ? (
        <p className="hint">{t('history.unknown')}</p>
      ) : events.length === 0 ? (
        <p className="hint">{t('history.empty')}</p>
      ) : (
        <ol className="signoff-history__list">
          {events.map((event) => (
            <li key={event.seq} data-kind={event.kind}>
              <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time> {ledgerText(t, event)}
            </li>
          ))}
        </ol>
      )}
    </details>
  )
}
