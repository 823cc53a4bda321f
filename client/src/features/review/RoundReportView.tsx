// The report of a closed ijkmoment: per section the threads opened, resolved and still open per
// organisation, and what changed in the text since the previous round (words, and the section links added
// or removed, which reviewers check); downloads as Markdown and PDF.
// It opens in the page (not modal: one reads it beside the document), takes the focus when it
// appears, and Escape or "Rapport sluiten" closes it (the caller puts the focus back).
import type { CountsByOrganisation, RoundReport } from '@novex/shared'
import {
  Button,
  ButtonLink,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { type KeyboardEvent, useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { roundReportUrl } from '../../api/comments.ts'
import { formatDateTime } from '../../i18n/formatDate.ts'
import { DiffText } from '../versions/DiffText.tsx'
import { linkChangesText, wordChangesText } from './reportTexts.ts'

export interface RoundReportViewProps {
  readonly documentId: string
  readonly report: RoundReport
  readonly onClose: () => void
}

export function RoundReportView({ documentId, report, onClose }: RoundReportViewProps) {
  const { t } = useTranslation('review')
  const headingId = useId()
  const sectionRef = useRef<HTMLElement>(null)
  // The report appears after an action elsewhere (closing a round, "Rapport …"): take the focus there.
  useEffect(() => {
    sectionRef.current?.focus()
  }, [])
  const handleKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    // An open <details> or a native control handles its own Escape first.
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    onClose()
  }
  const name = t('round', { round: report.round })
  return (
    <section
      ref={sectionRef}
      className="panel round-report"
      data-testid="round-report"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={handleKeyDown}
    >
      <h2 id={headingId} className="round-report__title">
        {t('report.title', { round: name })}
      </h2>
      <p className="hint">
        {`${t('report.closedAt', { date: formatDateTime(report.closedAt) })} `}
        {t('report.totals', { ...report.totals })}
      </p>
      <p className="round-report__downloads">
        <ButtonLink appearance="secondary-action-button" href={roundReportUrl(documentId, report.round, 'md')} download>
          {t('report.downloadMarkdown')}
        </ButtonLink>
        <ButtonLink
          appearance="secondary-action-button"
          href={roundReportUrl(documentId, report.round, 'pdf')}
          download
        >
          {t('report.downloadPdf')}
        </ButtonLink>
        <Button appearance="subtle-button" data-testid="round-report-close" onClick={onClose}>
          {t('report.close')}
        </Button>
      </p>
      {report.sections.map((section) => {
        const links = linkChangesText(t, section.changes.parts)
        return (
          <section key={section.sectionId} className="round-report__section" data-section-id={section.sectionId}>
            <h3>
              {section.number !== '' && `${t('report.sectionNumber', { number: section.number })} `}
              {section.title === '' ? t('report.untitled') : <span translate="no">{section.title}</span>}
            </h3>
            <CountsTable section={section} />
            <p className="hint">{wordChangesText(t, section.changes)}</p>
            {links !== null && (
              <p className="hint" data-testid="round-report-links">
                {links}
              </p>
            )}
            {section.changes.parts.some((p) => p.added || p.removed) && (
              <details>
                <summary>{t('report.showChanges')}</summary>
                <DiffText parts={section.changes.parts} />
              </details>
            )}
          </section>
        )
      })}
    </section>
  )
}

function CountsTable({
  section,
}: {
  readonly section: { opened: CountsByOrganisation; resolved: CountsByOrganisation; open: CountsByOrganisation }
}) {
  const { t } = useTranslation('review')
  const organisations = [
    ...new Set([...Object.keys(section.opened), ...Object.keys(section.resolved), ...Object.keys(section.open)]),
  ].sort((a, b) => a.localeCompare(b, 'nl'))
  if (organisations.length === 0) return <p className="hint">{t('report.noComments')}</p>
  return (
    <Table className="round-report__table">
      <TableCaption className="visually-hidden">{t('report.table')}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('report.organisation')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('report.opened')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('report.resolved')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('report.open')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {organisations.map((org) => (
          <TableRow key={org}>
            <TableHeaderCell scope="row" translate="no">
              {org}
            </TableHeaderCell>
            <TableCell>{section.opened[org] ?? 0}</TableCell>
            <TableCell>{section.resolved[org] ?? 0}</TableCell>
            <TableCell>{section.open[org] ?? 0}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
