// "Gereed voor BO-MIRT?": per required component whether it is there, has text, is signed by both
// parties and locked, and the verdict. The document is opened live (as on the document page) so the
// table follows every signature and lock the moment the server mirrors it.
import { isDocumentId } from '@novex/shared'
import { useMemo } from 'react'
import { Link, useParams } from 'react-router'
import { fetchDocument } from '../api/documents.ts'
import { useApi } from '../api/useApi.ts'
import { localUserFor } from '../collab/localUser.ts'
import { useCollab } from '../collab/useCollab.ts'
import { ExportDossier } from '../features/export/ExportDossier.tsx'
import { ReadinessTable } from '../features/readiness/ReadinessTable.tsx'
import { useReadiness } from '../features/readiness/useReadiness.ts'
import { useSignoffMirror } from '../features/signoff/useSignoffMirror.ts'
import { useSessionUser } from '../session/SessionContext.ts'
import { LoadFailure } from './LoadFailure.tsx'
import { NotFoundPage } from './NotFoundPage.tsx'

export function ReadinessPage() {
  const { documentId = '' } = useParams()
  const validId = isDocumentId(documentId)
  const meta = useApi((signal) => fetchDocument(documentId, signal), documentId)
  const missing = !validId || (meta.state === 'failed' && meta.status === 404)
  const session = useSessionUser()
  const user = useMemo(() => (session ? localUserFor(session) : null), [session])
  const collab = useCollab(missing || !user ? null : documentId, user)
  const { version } = useSignoffMirror(collab?.doc ?? null)
  const { result, reload } = useReadiness(documentId, version)

  if (missing) return <NotFoundPage what="Dit document" />
  if (meta.state === 'failed' && (meta.status === 401 || meta.status === 403)) {
    return (
      <div className="page page--narrow">
        <LoadFailure status={meta.status} message={meta.message} />
      </div>
    )
  }
  const title = meta.state === 'ready' ? meta.value.title : documentId
  const documentPath = `/document/${encodeURIComponent(documentId)}`

  return (
    <div className="page readiness-page">
      <title>{`Gereed voor BO-MIRT? — ${title} — NOVEX Co-auteur`}</title>
      <nav aria-label="Kruimelpad" className="breadcrumb">
        <Link to="/">Documenten</Link>
        <span aria-hidden="true"> › </span>
        <Link to={documentPath}>{title}</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">Gereed voor BO-MIRT?</span>
      </nav>
      <h1>Gereed voor BO-MIRT?</h1>
      <p className="lead">
        Een ontwikkelperspectief is gereed voor het BO-MIRT als alle acht verplichte onderdelen er zijn, tekst hebben en
        door het Rijk en de provincie zijn ondertekend (vergrendeld).
      </p>
      {result.state === 'loading' && (
        <p className="empty-state" role="status">
          Overzicht laden…
        </p>
      )}
      {result.state === 'failed' &&
        (result.status === 401 || result.status === 403 ? (
          <LoadFailure status={result.status} message={result.message} />
        ) : (
          <div className="notice notice--error" role="alert">
            <p>{result.message}</p>
            <button type="button" className="button button--secondary" onClick={reload}>
              Opnieuw proberen
            </button>
          </div>
        ))}
      {result.state === 'ready' && <ReadinessTable readiness={result.value} />}
      <h2>Dossier</h2>
      <ExportDossier documentId={documentId} />
      <p>
        <Link to={documentPath}>Terug naar het document</Link>
      </p>
    </div>
  )
}
