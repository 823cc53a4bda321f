// "Archief" on the readiness page of an adopted perspective: the dossier kept as PDF/A when both
// governments adopted it, to download byte for byte as kept, with its SHA-256 to check a copy against.
// While it is missing the section says why, from the server's archive state: being made, or failed and
// tried again at a time it names (a trekker may try at once). It never stops asking until it is there.
import type { ArchiveState } from '@novex/shared'
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { archivedDossierUrl, fetchArchiveState, retryArchive } from '../../api/status.ts'
import { type RefetchedResult, useRefetchingApi } from '../../api/useRefetchingApi.ts'
import { formatDateTime } from '../../i18n/formatDate.ts'
import { apiErrorText } from '../comments/apiErrorText.ts'
import { FormError } from '../comments/FormError.tsx'
import { nextArchivePoll } from './archivePolling.ts'
import { clockTime } from './clockTime.ts'

export interface ArchivedDossiersProps {
  readonly documentId: string
  /** A trekker of the area: may have the server try again at once. */
  readonly trekker: boolean
}

/** The answer to "Nu opnieuw proberen", shown until the next question brings news. */
interface Retried {
  readonly state: ArchiveState
  /** The fetched result it was given over; a later one replaces it. */
  readonly over: RefetchedResult<ArchiveState>
}

export function ArchivedDossiers({ documentId, trekker }: ArchivedDossiersProps) {
  const { t } = useTranslation('status')
  const [polls, setPolls] = useState(0)
  const { result, reload } = useRefetchingApi(
    (signal) => fetchArchiveState(documentId, signal),
    `archive:${documentId}`,
    polls,
    t('archive.unavailable'),
  )
  const [retried, setRetried] = useState<Retried | null>(null)
  // Each answer (or failure) sets when to ask next; the dossier's arrival ends the asking.
  useEffect(() => {
    if (result.state === 'loading') return
    const delay = nextArchivePoll(result.state === 'ready' ? result.value : null, polls, Date.now())
    if (delay === null) return
    const timer = setTimeout(() => setPolls((n) => n + 1), delay)
    return () => clearTimeout(timer)
  }, [result, polls])
  if (result.state === 'loading') return null
  const shown =
    retried !== null && retried.over === result ? retried.state : result.state === 'ready' ? result.value : null
  return (
    <section className="status-archive" data-testid="status-archive" aria-labelledby="status-archive-title">
      <Heading level={3} id="status-archive-title">
        {t('archive.title')}
      </Heading>
      <Paragraph>{t('archive.lead')}</Paragraph>
      {shown !== null && shown.dossiers.length > 0 ? (
        <ul className="status-archive__list">
          {shown.dossiers.map((entry) => (
            <li key={entry.id}>
              <a href={archivedDossierUrl(documentId, entry.id)} download data-testid="archived-dossier">
                {t('archive.download', { name: entry.name })}
              </a>{' '}
              <span className="hint">
                {t('archive.made', {
                  at: formatDateTime(entry.createdAt),
                  by: entry.createdBy,
                  size: Math.ceil(entry.size / 1024),
                })}
              </span>
              <br />
              <span className="hint">{t('archive.sha')}</span>{' '}
              <code className="status-archive__sha" translate="no" data-testid="archived-sha256">
                {entry.sha256}
              </code>
            </li>
          ))}
        </ul>
      ) : (
        <MissingDossier
          documentId={documentId}
          state={shown}
          trekker={trekker}
          onRetried={(state) => {
            setRetried({ state, over: result })
            reload()
          }}
        />
      )}
    </section>
  )
}

/** Why there is no dossier yet, said where everyone sees it (and read out when it changes). */
function MissingDossier({
  documentId,
  state,
  trekker,
  onRetried,
}: {
  readonly documentId: string
  /** Null: the server could not be asked. */
  readonly state: ArchiveState | null
  readonly trekker: boolean
  readonly onRetried: (state: ArchiveState) => void
}) {
  const { t, i18n } = useTranslation('status')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** When the failure was that a retry by hand ran into: said as such while it is the last one. */
  const [failedByHand, setFailedByHand] = useState<number | null>(null)
  const busyRef = useRef(false)
  const pending = state?.pending ?? null
  const retry = async (): Promise<void> => {
    // aria-disabled keeps the button (and the keyboard focus) where it is while busy: ignore presses.
    if (busyRef.current) return
    busyRef.current = true
    setBusy(true)
    setError(null)
    try {
      const after = await retryArchive(documentId)
      setFailedByHand(after.pending?.failedAt ?? null)
      onRetried(after)
    } catch (failure) {
      setError(apiErrorText(t, i18n, failure, t('archive.retryError'), 'status'))
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }
  const kind =
    state === null
      ? 'unavailable'
      : pending === null
        ? 'pending'
        : pending.nextAttemptAt === null
          ? 'retrying'
          : 'failed'
  const text =
    pending === null
      ? t(state === null ? 'archive.unavailable' : 'archive.pending')
      : pending.nextAttemptAt === null
        ? t('archive.retrying')
        : t('archive.failed', { time: clockTime(pending.nextAttemptAt) })
  return (
    <div
      className={kind === 'pending' ? 'status-archive__missing' : 'status-archive__missing notice notice--error'}
      data-testid="archive-missing"
      data-state={kind}
    >
      <p role="status" className={kind === 'pending' ? 'hint' : undefined} data-testid="archive-missing-text">
        {text}
        {pending !== null && pending.failedAt === failedByHand && <> {t('archive.stillFailing')}</>}
      </p>
      {trekker && pending !== null && (
        <Button
          type="button"
          appearance="secondary-action-button"
          data-testid="archive-retry"
          aria-disabled={busy}
          onClick={() => void retry()}
        >
          {busy ? t('archive.retryBusy') : t('archive.retry')}
        </Button>
      )}
      <FormError message={error} />
    </div>
  )
}
