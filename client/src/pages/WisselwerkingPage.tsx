// `/gebied/:areaId/wisselwerking`: how the area's ontwikkelperspectief and the provincial voorstellen
// refer to each other, so that before an ijkmoment anyone sees which parts are not connected yet and
// which connections need a look.
import { AREAS, documentPath } from '@novex/shared'
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { fetchWisselwerking } from '../api/links.ts'
import { useApi } from '../api/useApi.ts'
import { DetachedLinks } from '../features/wisselwerking/DetachedLinks.tsx'
import { indexMatrix } from '../features/wisselwerking/matrixCells.ts'
import { NoPerspectiveAccess } from '../features/wisselwerking/NoPerspectiveAccess.tsx'
import { UnlinkedSections } from '../features/wisselwerking/UnlinkedSections.tsx'
import { WisselwerkingMatrix } from '../features/wisselwerking/WisselwerkingMatrix.tsx'
import { Breadcrumb } from '../ui/Breadcrumb.tsx'
import { LoadFailure } from './LoadFailure.tsx'
import { NotFoundPage } from './NotFoundPage.tsx'
import '../styles/links.css'

export function WisselwerkingPage() {
  const { t } = useTranslation('wisselwerking')
  const { areaId = '' } = useParams()
  const result = useApi((signal) => fetchWisselwerking(areaId, signal), areaId)
  const captionId = useId()
  const areaName = AREAS.find((a) => a.id === areaId)?.name ?? areaId
  const answer = result.state === 'ready' ? result.value : null
  // Without a perspective to show (none yet, the reader is no member of the area, or the server cannot open
  // it now) there is no matrix.
  const data = answer !== null && answer.perspective !== null ? answer : null
  const index = useMemo(() => (data ? indexMatrix(data) : null), [data])
  const title = t('title', { area: areaName })

  if (result.state === 'failed' && result.status === 404) return <NotFoundPage subject="area" />

  return (
    <div className="page wisselwerking-page">
      <title>{t('common:pageTitle', { page: title })}</title>
      <Breadcrumb
        label={t('breadcrumb')}
        steps={[
          { to: '/', label: t('common:documents') },
          ...(data
            ? [
                {
                  to: documentPath(data.perspective.documentId),
                  label: data.perspective.documentTitle,
                  untranslated: true,
                },
              ]
            : []),
        ]}
        current={t('current')}
      />
      <Heading level={1} className="document-title">
        {title}
      </Heading>
      <Paragraph lead className="lead">
        {t('lead')}
      </Paragraph>
      {result.state === 'loading' && (
        <p className="empty-state" role="status">
          {t('loading')}
        </p>
      )}
      {result.state === 'failed' && <LoadFailure status={result.status} message={result.message} />}
      {answer !== null && answer.perspective === null && (
        <NoPerspectiveAccess areaName={areaName} missing={answer.missing} voorstellen={answer.voorstellen} />
      )}
      {data && index && (
        <>
          <p className="wisselwerking-summary">
            {t('summary', {
              linked: index.linkedCount,
              total: data.perspective.sections.length,
              suspect: index.stateCounts.suspect,
              broken: index.stateCounts.broken,
            })}
          </p>
          <WisselwerkingMatrix data={data} index={index} captionId={captionId} />
          <DetachedLinks data={data} links={index.detached} />
          <UnlinkedSections perspectiveId={data.perspective.documentId} sections={index.unlinked} />
        </>
      )}
    </div>
  )
}
