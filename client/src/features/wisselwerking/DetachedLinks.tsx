// Links from the perspective to a voorstel section that no longer exists: the matrix has no column
// for them, so they are listed on their own, with their state (usually "verwijderd").
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
  const titleOf = (documentId: string): string =>
    data.voorstellen.find((v) => v.documentId === documentId)?.documentTitle ?? documentId
  return (
    <section className="panel" aria-labelledby="detached-title" data-testid="wisselwerking-detached">
      <h2 id="detached-title" className="panel__title">
        {t('detachedTitle')}
      </h2>
      <ul className="unlinked__list">
        {links.map((link, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one section may hold several such links; the list is rebuilt whole.
          <li key={index} data-section-id={link.perspectiveSection.sectionId} data-state={link.state}>
            <Link to={sectionHref(data.perspective.documentId, link.perspectiveSection.sectionId)} translate="no">
              {sectionLabel(t, link.perspectiveSection.number, link.perspectiveSection.title)}
            </Link>
            {' → '}
            <span translate="no">{titleOf(link.voorstelDocumentId)}</span>
            {': '}
            <LinkStateIcon state={link.state} /> {stateLabel(t, link.state)}
          </li>
        ))}
      </ul>
    </section>
  )
}
