// Links to a section that no longer exists (from the perspective to a voorstel section without a column,
// or from a voorstel to a perspective section without a row): the matrix has no cell for them, so they
// are listed on their own, from the section they start in, with their state (usually "verwijderd").
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Wisselwerking } from '../../api/links.ts'
import { LinkStateIcon } from '../links/LinkStateIcon.tsx'
import { sectionHref, sectionLabel, stateLabel } from '../links/linkText.ts'
import type { DetachedLink } from './matrixCells.ts'

export interface DetachedLinksProps {
  readonly data: Wisselwerking
  readonly links: readonly DetachedLink[]
}

export function DetachedLinks({ data, links }: DetachedLinksProps) {
  const { t } = useTranslation('wisselwerking')
  if (links.length === 0) return null
  const perspectiveId = data.perspective.documentId
  const titleOf = (documentId: string): string =>
    documentId === perspectiveId
      ? t('perspective')
      : (data.voorstellen.find((v) => v.documentId === documentId)?.documentTitle ?? documentId)
  return (
    <section className="panel" aria-labelledby="detached-title" data-testid="wisselwerking-detached">
      <h2 id="detached-title" className="panel__title">
        {t('detachedTitle')}
      </h2>
      <ul className="unlinked__list">
        {links.map((link, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one section may hold several such links; the list is rebuilt whole.
          <li key={index} data-section-id={link.source.sectionId} data-state={link.state}>
            {link.sourceDocumentId !== perspectiveId && (
              <span translate="no">{`${titleOf(link.sourceDocumentId)}: `}</span>
            )}
            <Link to={sectionHref(link.sourceDocumentId, link.source.sectionId)} translate="no">
              {sectionLabel(t, link.source.number, link.source.title)}
            </Link>
            {' → '}
            <span translate="no">{titleOf(link.targetDocumentId)}</span>
            {': '}
            <LinkStateIcon state={link.state} /> {stateLabel(t, link.state)}
          </li>
        ))}
      </ul>
    </section>
  )
}
