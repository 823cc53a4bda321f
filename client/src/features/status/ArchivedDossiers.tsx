// "Archief" on the readiness page of an adopted perspective: the dossier kept as PDF/A when both
// governments adopted it, to download byte for byte as kept, with its SHA-256 to check a copy against.
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { archivedDossierUrl, fetchArchive } from '../../api/status.ts'
import { useRefetchingApi } from '../../api/useRefetchingApi.ts'
import { formatDateTime } from '../../i18n/formatDate.ts'

const RETRY_MS = 2_000
/** About two minutes of asking; after that the page says to reload it later. */
const MAX_ATTEMPTS = 60

export function ArchivedDossiers({ documentId }: { readonly documentId: string }) {
  const { t } = useTranslation('status')
  // The dossier is made while the adoption is recorded: a page that saw the status change first asks
  // again until it is there.
  const [attempt, setAttempt] = useState(0)
  const { result: archive } = useRefetchingApi(
    (signal) => fetchArchive(documentId, signal),
    `archive:${documentId}`,
    attempt,
    t('archive.pending'),
  )
  const pending = archive.state === 'ready' && archive.value.length === 0
  useEffect(() => {
    if (!pending || attempt >= MAX_ATTEMPTS) return
    const timer = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS)
    return () => clearTimeout(timer)
  }, [pending, attempt])
  if (archive.state !== 'ready') return null
  return (
    <section className="status-archive" data-testid="status-archive" aria-labelledby="status-archive-title">
      <Heading level={3} id="status-archive-title">
        {t('archive.title')}
      </Heading>
      <Paragraph>{t('archive.lead')}</Paragraph>
      {archive.value.length === 0 ? (
        <p className="hint">{t('archive.pending')}</p>
      ) : (
        <ul className="status-archive__list">
          {archive.value.map((entry) => (
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
      )}
    </section>
  )
}
