// "Documenten": every document the user may open, grouped by kind.
import { AREAS, type DocumentKind, PROVINCES } from '@novex/shared'
import { Link } from 'react-router'
import { type DocumentSummary, fetchDocuments } from '../api/documents.ts'
import { useApi } from '../api/useApi.ts'
import { LoadFailure } from './LoadFailure.tsx'

const GROUPS: readonly { kind: DocumentKind; title: string; empty: string }[] = [
  { kind: 'ontwikkelperspectief', title: 'Ontwikkelperspectieven', empty: 'Er zijn nog geen ontwikkelperspectieven.' },
  { kind: 'ruimtelijk-voorstel', title: 'Ruimtelijke voorstellen', empty: 'Er zijn nog geen ruimtelijke voorstellen.' },
]

export function DocumentListPage() {
  const result = useApi(fetchDocuments, 'documents')
  return (
    <div className="page page--narrow">
      <title>Documenten — NOVEX Co-auteur</title>
      <h1>Documenten</h1>
      <p className="lead">Kies een document om samen met Rijk en regio aan te werken.</p>
      {result.state === 'loading' && (
        <p className="empty-state" role="status">
          Documenten laden…
        </p>
      )}
      {result.state === 'failed' && <LoadFailure status={result.status} message={result.message} />}
      {result.state === 'ready' &&
        GROUPS.map((group) => {
          const documents = result.value
            .filter((d) => d.kind === group.kind)
            .sort((a, b) => a.title.localeCompare(b.title, 'nl'))
          const headingId = `group-${group.kind}`
          return (
            <section key={group.kind} className="document-group" aria-labelledby={headingId}>
              <h2 id={headingId}>{group.title}</h2>
              {documents.length === 0 ? (
                <p className="empty-state">{group.empty}</p>
              ) : (
                <ul className="document-cards">
                  {documents.map((d) => (
                    <li key={d.id}>
                      <Link to={`/document/${encodeURIComponent(d.id)}`} className="document-card">
                        <span className="document-card__title">{d.title}</span>
                        <span className="document-card__meta">{placeOf(d)}</span>
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

/** "NOVEX-gebied De Peel" or "Provincie Noord-Brabant". */
export function placeOf(d: DocumentSummary & { areaName?: string; provinceName?: string }): string {
  if (d.areaId !== undefined) {
    const name = d.areaName ?? AREAS.find((a) => a.id === d.areaId)?.name ?? d.areaId
    return `NOVEX-gebied ${name}`
  }
  if (d.provinceId !== undefined) {
    const name = d.provinceName ?? PROVINCES.find((p) => p.id === d.provinceId)?.name ?? d.provinceId
    return `Provincie ${name}`
  }
  return ''
}
