// "Versiegeschiedenis": the named versions of a document (one per closed ijkmoment), each to open
// read-only or to compare with another version or with the current text. What is shown lives in the
// address (?versie=, ?van=&naar=), so a comparison can be shared as a link.
import { isDocumentId } from '@novex/shared'
import { type FormEvent, useId, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { fetchVersions, type VersionSummary } from '../api/comments.ts'
import { fetchDocument } from '../api/documents.ts'
import { useApi } from '../api/useApi.ts'
import { formatDateTime } from '../features/comments/commentText.ts'
import { VersionCompare } from '../features/versions/VersionCompare.tsx'
import { VersionReader } from '../features/versions/VersionReader.tsx'
import { LoadFailure } from './LoadFailure.tsx'
import { NotFoundPage } from './NotFoundPage.tsx'
import '../styles/comments.css'

const CURRENT = 'current'

export function VersionsPage() {
  const { documentId = '' } = useParams()
  const validId = isDocumentId(documentId)
  const meta = useApi((signal) => fetchDocument(documentId, signal), documentId)
  const versions = useApi((signal) => fetchVersions(documentId, signal), `versions:${documentId}`)
  const [params, setParams] = useSearchParams()

  if (!validId || (meta.state === 'failed' && meta.status === 404)) return <NotFoundPage what="Dit document" />
  if (meta.state === 'failed' && (meta.status === 401 || meta.status === 403)) {
    return (
      <div className="page page--narrow">
        <LoadFailure status={meta.status} message={meta.message} />
      </div>
    )
  }
  const title = meta.state === 'ready' ? meta.value.title : documentId
  const documentPath = `/document/${encodeURIComponent(documentId)}`
  const list = versions.state === 'ready' ? versions.value : []
  const labelOf = (id: string): string =>
    id === CURRENT ? 'huidige versie' : (list.find((v) => v.id === id)?.name ?? `versie ${id}`)
  const opened = list.find((v) => v.id === params.get('versie')) ?? null
  const from = params.get('van')
  const to = params.get('naar')

  const show = (next: Record<string, string>): void => setParams(next, { replace: false })

  return (
    <div className="page versions-page">
      <title>{`Versiegeschiedenis — ${title} — NOVEX Co-auteur`}</title>
      <nav aria-label="Kruimelpad" className="breadcrumb">
        <Link to="/">Documenten</Link>
        <span aria-hidden="true"> › </span>
        <Link to={documentPath}>{title}</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">Versiegeschiedenis</span>
      </nav>
      <h1>Versiegeschiedenis</h1>
      <p className="lead">
        Bij het openen en bij het afsluiten van elk ijkmoment wordt een versie van het hele document bewaard. U kunt een
        versie lezen of twee versies vergelijken.
      </p>
      {versions.state === 'loading' && (
        <p className="empty-state" role="status">
          Versies laden…
        </p>
      )}
      {versions.state === 'failed' && (
        <p className="form-error" role="alert">
          {versions.message}
        </p>
      )}
      {versions.state === 'ready' && (
        <>
          <VersionList
            versions={list}
            onOpen={(id) => show({ versie: id })}
            onCompare={(a, b) => show({ van: a, naar: b })}
          />
          {list.length > 0 && (
            <CompareForm
              key={`${from}:${to}`}
              versions={list}
              initialFrom={from ?? list[list.length - 1]?.id ?? ''}
              initialTo={to ?? CURRENT}
              onCompare={(a, b) => show({ van: a, naar: b })}
            />
          )}
        </>
      )}
      {from !== null && to !== null && versions.state === 'ready' && (
        <VersionCompare documentId={documentId} from={from} to={to} fromLabel={labelOf(from)} toLabel={labelOf(to)} />
      )}
      {opened !== null && (
        <section className="version-open" aria-labelledby="version-open-title">
          <h2 id="version-open-title">
            {opened.name} <span className="hint">(alleen lezen, bewaard op {formatDateTime(opened.createdAt)})</span>
          </h2>
          <VersionReader documentId={documentId} version={opened} />
        </section>
      )}
    </div>
  )
}

interface VersionListProps {
  readonly versions: readonly VersionSummary[]
  readonly onOpen: (id: string) => void
  readonly onCompare: (from: string, to: string) => void
}

function VersionList({ versions, onOpen, onCompare }: VersionListProps) {
  if (versions.length === 0) {
    return (
      <p className="empty-state" data-testid="versions">
        Er zijn nog geen versies. Een versie wordt bewaard als een ijkmoment wordt afgesloten.
      </p>
    )
  }
  return (
    <ol className="version-list" data-testid="versions">
      {versions.map((version, index) => {
        const previous = versions[index - 1]
        return (
          <li key={version.id} className="version-list__item" data-testid="version" data-version-id={version.id}>
            <span className="version-list__name">{version.name}</span>
            <span className="hint">
              {' '}
              bewaard op {formatDateTime(version.createdAt)}
              {version.createdBy ? ` door ${version.createdBy}` : ''}
            </span>
            <span className="version-list__actions">
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => onOpen(version.id)}
              >
                Bekijken<span className="visually-hidden"> {version.name}</span>
              </button>
              {previous !== undefined && (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => onCompare(previous.id, version.id)}
                >
                  Vergelijken met vorige versie<span className="visually-hidden"> ({version.name})</span>
                </button>
              )}
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => onCompare(version.id, CURRENT)}
              >
                Vergelijken met huidige versie<span className="visually-hidden"> ({version.name})</span>
              </button>
            </span>
          </li>
        )
      })}
    </ol>
  )
}

interface CompareFormProps {
  readonly versions: readonly VersionSummary[]
  readonly initialFrom: string
  readonly initialTo: string
  readonly onCompare: (from: string, to: string) => void
}

function CompareForm({ versions, initialFrom, initialTo, onCompare }: CompareFormProps) {
  const [from, setFrom] = useState(initialFrom)
  const [to, setTo] = useState(initialTo)
  const fromId = useId()
  const toId = useId()
  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault()
    onCompare(from, to)
  }
  return (
    <form className="compare-form" onSubmit={handleSubmit}>
      <h2 className="compare-form__title">Twee versies vergelijken</h2>
      <label htmlFor={fromId}>Van</label>
      <select id={fromId} data-testid="compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      <label htmlFor={toId}>Naar</label>
      <select id={toId} data-testid="compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
        <option value={CURRENT}>Huidige versie</option>
      </select>
      <button type="submit" className="button button--small" data-testid="compare-submit">
        Vergelijken
      </button>
    </form>
  )
}
