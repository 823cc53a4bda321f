// The comparison of two versions (or a version and the current text), per section: what was added
// and what was deleted, each marked in words as well as in colour.
import { useId } from 'react'
import { compareVersions, type SectionChangeStatus } from '../../api/comments.ts'
import { useApi } from '../../api/useApi.ts'
import { DiffText } from './DiffText.tsx'

export interface VersionCompareProps {
  readonly documentId: string
  readonly from: string
  readonly to: string
  readonly fromLabel: string
  readonly toLabel: string
}

const STATUS_TEXT: Record<SectionChangeStatus, string> = {
  changed: 'gewijzigd',
  added: 'nieuw',
  removed: 'verwijderd',
  same: 'ongewijzigd',
}

export function VersionCompare({ documentId, from, to, fromLabel, toLabel }: VersionCompareProps) {
  const headingId = useId()
  const result = useApi((signal) => compareVersions(documentId, from, to, signal), `${documentId}:${from}:${to}`)
  return (
    <section className="version-compare" data-testid="version-compare" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {fromLabel} vergeleken met {toLabel}
      </h2>
      {result.state === 'loading' && (
        <p className="empty-state" role="status">
          Vergelijken…
        </p>
      )}
      {result.state === 'failed' && (
        <p className="form-error" role="alert">
          {result.message}
        </p>
      )}
      {result.state === 'ready' &&
        (result.value.length === 0 ? (
          <p className="empty-state">Geen secties om te vergelijken.</p>
        ) : (
          result.value.map((section) => (
            <section
              key={section.sectionId}
              className={`version-compare__section version-compare__section--${section.status}`}
              data-section-id={section.sectionId}
              data-status={section.status}
            >
              <h3>
                {section.title || 'Zonder titel'}{' '}
                <span className={`change-badge change-badge--${section.status}`}>{STATUS_TEXT[section.status]}</span>
              </h3>
              {section.status === 'same' ? <p className="hint">Geen verschil.</p> : <DiffText parts={section.parts} />}
            </section>
          ))
        ))}
    </section>
  )
}
