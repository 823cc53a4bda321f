// `/gebied/:areaId/wisselwerking`: how the area's ontwikkelperspectief and the provincial voorstellen
// refer to each other, so that before an ijkmoment anyone sees which parts are not connected yet and
// which connections need a look.
import { AREAS } from '@novex/shared'
import { useId, useMemo } from 'react'
import { Link, useParams } from 'react-router'
import { fetchWisselwerking } from '../api/links.ts'
import { useApi } from '../api/useApi.ts'
import { DetachedLinks } from '../features/wisselwerking/DetachedLinks.tsx'
import { indexMatrix } from '../features/wisselwerking/matrixCells.ts'
import { UnlinkedSections } from '../features/wisselwerking/UnlinkedSections.tsx'
import { WisselwerkingMatrix } from '../features/wisselwerking/WisselwerkingMatrix.tsx'
import { LoadFailure } from './LoadFailure.tsx'
import { NotFoundPage } from './NotFoundPage.tsx'
import '../styles/links.css'

export function WisselwerkingPage() {
  const { areaId = '' } = useParams()
  const result = useApi((signal) => fetchWisselwerking(areaId, signal), areaId)
  const captionId = useId()
  const areaName = AREAS.find((a) => a.id === areaId)?.name ?? areaId
  const data = result.state === 'ready' ? result.value : null
  const index = useMemo(() => (data ? indexMatrix(data) : null), [data])
  const title = `Wisselwerking ${areaName}`

  if (result.state === 'failed' && result.status === 404) return <NotFoundPage what="Dit gebied" />

  return (
    <div className="page wisselwerking-page">
      <title>{`${title} — NOVEX Co-auteur`}</title>
      <nav aria-label="Kruimelpad" className="breadcrumb">
        <Link to="/">Documenten</Link>
        <span aria-hidden="true"> › </span>
        {data && (
          <>
            <Link to={`/document/${encodeURIComponent(data.perspective.documentId)}`}>Ontwikkelperspectief</Link>
            <span aria-hidden="true"> › </span>
          </>
        )}
        <span aria-current="page">Wisselwerking</span>
      </nav>
      <h1 className="document-title">{title}</h1>
      <p className="lead">
        Welke secties van het ontwikkelperspectief verwijzen naar het ruimtelijk voorstel, of andersom? En welke
        koppelingen moeten opnieuw worden bekeken?
      </p>
      {result.state === 'loading' && (
        <p className="empty-state" role="status">
          Overzicht laden…
        </p>
      )}
      {result.state === 'failed' && <LoadFailure status={result.status} message={result.message} />}
      {data && index && (
        <>
          <p className="wisselwerking-summary">
            {index.linkedCount} van {data.perspective.sections.length} secties gekoppeld. {index.stateCounts.suspect}{' '}
            {index.stateCounts.suspect === 1 ? 'koppeling is' : 'koppelingen zijn'} gewijzigd sinds koppeling,{' '}
            {index.stateCounts.broken} verwijderd.
          </p>
          <WisselwerkingMatrix data={data} index={index} captionId={captionId} />
          <DetachedLinks data={data} links={index.detached} />
          <UnlinkedSections perspectiveId={data.perspective.documentId} sections={index.unlinked} />
        </>
      )}
    </div>
  )
}
