// "Documenten": every document the user may open, grouped by kind; one the server cannot open now says so
// (it still opens: what the user types there is kept in the browser until the document is repaired).
import type { DocumentKind } from '@novex/shared'
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { fetchDocuments } from '../api/documents.ts'
import { useApi } from '../api/useApi.ts'
import { usePlaceOf } from '../ui/usePlaceOf.ts'
import { LoadFailure } from './LoadFailure.tsx'

const GROUPS: readonly DocumentKind[] = ['ontwikkelperspectief', 'ruimtelijk-voorstel']

export function DocumentListPage() {
  const { t, i18n } = useTranslation('documents')
  const placeOf = usePlaceOf()
  const result = useApi(fetchDocuments, 'documents')
  return (
    <div className="page page--narrow">
      <title>{t('common:pageTitle', { page: t('list.title') })}</title>
      <Heading level={1}>{t('list.title')}</Heading>
      <Paragraph purpose="lead">{t('list.lead')}</Paragraph>
      {result.state === 'loading' && (
        <p className="empty-state" role="status">
          {t('list.loading')}
        </p>
      )}
      {result.state === 'failed' && <LoadFailure status={result.status} message={result.message} code={result.code} />}
      {result.state === 'ready' &&
        GROUPS.map((kind) => {
          const documents = result.value
            .filter((d) => d.kind === kind)
            .sort((a, b) => a.title.localeCompare(b.title, i18n.language === 'en' ? 'en' : 'nl'))
          const headingId = `group-${kind}`
          return (
            <section key={kind} className="document-group" aria-labelledby={headingId}>
              <Heading level={2} id={headingId}>
                {t(`groups.${kind}.title`)}
              </Heading>
              {documents.length === 0 ? (
                <p className="empty-state">{t(`groups.${kind}.empty`)}</p>
              ) : (
                <ul className="document-cards">
                  {documents.map((d) => (
                    <li key={d.id}>
                      <Link to={`/document/${encodeURIComponent(d.id)}`} className="document-card">
                        <span className="document-card__title" translate="no">
                          {d.title}
                        </span>
                        <span className="document-card__meta">{placeOf(d)}</span>
                        {(d.status !== undefined || d.openThreads !== undefined) && (
                          <span className="document-card__facts" data-testid="document-facts">
                            {[
                              d.status !== undefined
                                ? t('list.status', { status: t(`status:names.${d.status}`) })
                                : null,
                              d.openThreads !== undefined ? t('list.openThreads', { count: d.openThreads }) : null,
                              d.mentionsYou ? t('list.mentionsYou', { count: d.mentionsYou }) : null,
                            ]
                              .filter((fact) => fact !== null)
                              .join(' · ')}
                          </span>
                        )}
                        {!d.available && (
                          <span className="document-card__problem" data-testid="document-unavailable">
                            {t('list.unavailable')}
                          </span>
                        )}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )
        })}
    </div>
  )
}
