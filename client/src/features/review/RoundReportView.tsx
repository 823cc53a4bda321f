// The report of a closed ijkmoment: per section the threads opened, resolved and still open per
// organisation, and what changed in the text since the previous round; downloads as Markdown and PDF.
import { roundName } from '@novex/shared'
import { useEffect, useId, useRef } from 'react'
import { type CountsByOrganisation, type RoundReport, roundReportUrl } from '../../api/comments.ts'
import { formatDateTime } from '../comments/commentText.ts'
import { DiffText } from '../versions/DiffText.tsx'

export interface RoundReportViewProps {
  readonly documentId: string
  readonly report: RoundReport
  readonly onClose: () => void
}

export function RoundReportView({ documentId, report, onClose }: RoundReportViewProps) {
  const headingId = useId()
  const sectionRef = useRef<HTMLElement>(null)
  // The report appears after an action elsewhere (closing a round, "Rapport …"): take the focus there.
  useEffect(() => {
    sectionRef.current?.focus()
  }, [])
  const name = report.name || roundName(report.round)
  return (
    <section
      ref={sectionRef}
      className="panel round-report"
      data-testid="round-report"
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <h2 id={headingId} className="round-report__title">
        Rapport {name}
      </h2>
      <p className="hint">
        {report.closedAt !== null ? `Afgesloten op ${formatDateTime(report.closedAt)}. ` : ''}
        Reacties: {report.totals.opened} geopend, {report.totals.resolved} opgelost, {report.totals.open} nog open.
      </p>
      <p className="round-report__downloads">
        <a className="button button--small" href={roundReportUrl(documentId, report.round, 'md')} download>
          Download als Markdown
        </a>
        <a className="button button--small" href={roundReportUrl(documentId, report.round, 'pdf')} download>
          Download als PDF
        </a>
        <button type="button" className="button button--small button--secondary" onClick={onClose}>
          Rapport sluiten
        </button>
      </p>
      {report.sections.map((section) => (
        <section key={section.sectionId} className="round-report__section" data-section-id={section.sectionId}>
          <h3>
            {section.number ? `§ ${section.number} ` : ''}
            {section.title || 'Zonder titel'}
          </h3>
          <CountsTable section={section} />
          <p className="hint">
            Gewijzigd: {section.changes.inserted} woorden toegevoegd, {section.changes.deleted} woorden verwijderd.
          </p>
          {section.changes.parts.some((p) => p.added || p.removed) && (
            <details>
              <summary>Wijzigingen in de tekst tonen</summary>
              <DiffText parts={section.changes.parts} />
            </details>
          )}
        </section>
      ))}
    </section>
  )
}

function CountsTable({
  section,
}: {
  readonly section: { opened: CountsByOrganisation; resolved: CountsByOrganisation; open: CountsByOrganisation }
}) {
  const organisations = [
    ...new Set([...Object.keys(section.opened), ...Object.keys(section.resolved), ...Object.keys(section.open)]),
  ].sort((a, b) => a.localeCompare(b, 'nl'))
  if (organisations.length === 0) return <p className="hint">Geen reacties in deze sectie.</p>
  return (
    <table className="round-report__table">
      <thead>
        <tr>
          <th scope="col">Organisatie</th>
          <th scope="col">Geopend</th>
          <th scope="col">Opgelost</th>
          <th scope="col">Nog open</th>
        </tr>
      </thead>
      <tbody>
        {organisations.map((org) => (
          <tr key={org}>
            <th scope="row">{org}</th>
            <td>{section.opened[org] ?? 0}</td>
            <td>{section.resolved[org] ?? 0}</td>
            <td>{section.open[org] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
