// "Gereed voor BO-MIRT?": per required component whether it is there, has text, is signed by both
// parties and locked, and the verdict; beside it the reactions still open. The document is opened live
// (as on the document page) so the table follows every signature, lock and reaction the moment the
// server mirrors it; without presence, as the visitor is not working in the document.
import { isDocumentId, type SignSide } from '@novex/shared'
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { fetchReview } from '../api/comments.ts'
import { fetchDocument } from '../api/documents.ts'
import { useApi } from '../api/useApi.ts'
import { localUserFor } from '../collab/localUser.ts'
import { useCollab } from '../collab/useCollab.ts'
import { useCollabValue } from '../collab/useCollabValue.ts'
import { useCommentsVersion } from '../features/comments/useCommentsVersion.ts'
import { ExportDossier } from '../features/export/ExportDossier.tsx'
import { ReadinessTable } from '../features/readiness/ReadinessTable.tsx'
import { useReadiness } from '../features/readiness/useReadiness.ts'
import { useSignoffMirror } from '../features/signoff/useSignoffMirror.ts'
import { StatusPanel } from '../features/status/StatusPanel.tsx'
import { useSessionUser } from '../session/SessionContext.ts'
import { Breadcrumb, documentSteps } from '../ui/Breadcrumb.tsx'
import { documentLoadFailure } from './documentLoadFailure.tsx'
import { LoadFailure } from './LoadFailure.tsx'

export function ReadinessPage() {
  const { t } = useTranslation('readiness')
  const { documentId = '' } = useParams()
  const validId = isDocumentId(documentId)
  const meta = useApi((signal) => fetchDocument(documentId, signal), documentId)
  const missing = !validId || (meta.state === 'failed' && meta.status === 404)
  const session = useSessionUser()
  const user = useMemo(() => (session ? localUserFor(session) : null), [session])
  // Live, for the signatures and locks, but not present in the document: the visitor is not working in it.
  const collab = useCollab(missing || !user ? null : documentId, user, { presence: false })
  const { version } = useSignoffMirror(collab?.doc ?? null)
  // The decision-making follows the document once it has what the server has (not a stale local copy).
  const synced = useCollabValue(collab, (s) => s.synced)
  // Fetched again after every signature or lock, and after every change to a reaction (the open ones).
  const commentsVersion = useCommentsVersion(collab?.doc ?? null)
  const { result, reload } = useReadiness(documentId, version + commentsVersion)
  // Trekkers record the decisions after IJkmoment 3; the side follows the organisation (the server checks both).
  const review = useApi((signal) => fetchReview(documentId, signal), `review:${documentId}`)
  const side: SignSide | null =
    session?.organisation.kind === 'rijk' ? 'rijk' : session?.organisation.kind === 'provincie' ? 'provincie' : null

  const failure = documentLoadFailure(validId, meta)
  if (failure) return failure
  const title = meta.state === 'ready' ? meta.value.title : documentId
  const documentPath = `/document/${encodeURIComponent(documentId)}`

  return (
    <div className="page readiness-page">
      <title>{t('common:pageTitle', { page: `${t('title')} — ${title}` })}</title>
      <Breadcrumb
        label={t('breadcrumb')}
        steps={documentSteps(t('common:documents'), documentPath, title)}
        current={t('title')}
      />
      <Heading level={1}>{t('title')}</Heading>
      <Paragraph lead className="lead">
        {t('lead')}
      </Paragraph>
      {result.state === 'loading' && (
        <p className="empty-state" role="status">
          {t('loading')}
        </p>
      )}
      {result.state === 'failed' &&
        (result.status === 401 || result.status === 403 ? (
          <LoadFailure status={result.status} message={result.message} />
        ) : (
          <div className="notice notice--error" role="alert">
            <Paragraph>{result.status === 0 ? t('signoff:errors.unreachable') : t('loadFailed')}</Paragraph>
            <Button type="button" appearance="secondary-action-button" onClick={reload}>
              {t('retry')}
            </Button>
          </div>
        ))}
      {result.state === 'ready' && <ReadinessTable readiness={result.value} documentId={documentId} />}
      {meta.state === 'ready' && meta.value.kind === 'ontwikkelperspectief' && (
        <StatusPanel
          documentId={documentId}
          doc={synced ? (collab?.doc ?? null) : null}
          trekker={review.state === 'ready' && review.value.canManage}
          side={side}
          ready={result.state === 'ready' && result.value.ready}
        />
      )}
      <Heading level={2}>{t('dossier')}</Heading>
      <ExportDossier documentId={documentId} />
      <Paragraph>
        <Link to={documentPath}>{t('back')}</Link>
      </Paragraph>
    </div>
  )
}
