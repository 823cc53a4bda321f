// The sign-off history of one section: every ledger event, oldest first, with date, time and the
// short hash of the text it concerns. Collapsed by default.
import type { LedgerEvent } from '@novex/shared'
import { formatDateTime, ledgerText } from './signoffText.ts'

export function SignoffHistory({ events }: { readonly events: readonly LedgerEvent[] }) {
  return (
    <details className="signoff-history" data-testid="signoff-history">
      <summary>Geschiedenis ({events.length})</summary>
      {events.length === 0 ? (
        <p className="hint">Nog niets gebeurd.</p>
      ) : (
        <ol className="signoff-history__list">
          {events.map((event) => (
            <li key={event.seq} data-kind={event.kind}>
              <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time> {ledgerText(event)}
            </li>
          ))}
        </ol>
      )}
    </details>
  )
}
