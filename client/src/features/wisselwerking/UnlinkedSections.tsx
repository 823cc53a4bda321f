// "Nog niet gekoppeld": the perspective's sections that have no link to or from any voorstel yet,
// each a link to the section so it can be linked from there.

import type { WisselwerkingSection } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { sectionHref, sectionLabel } from '../links/linkText.ts'

export interface UnlinkedSectionsProps {
  readonly perspectiveId: string
  readonly sections: readonly WisselwerkingSection[]
}

export function UnlinkedSections({ perspectiveId, sections }: UnlinkedSectionsProps) {
  const { t } = useTranslation('wisselwerking')
  return (
    <section className="panel unlinked" aria-labelledby="unlinked-title" data-testid="wisselwerking-unlinked">
      <h2 id="unlinked-title" className="panel__title">
        {t('unlinkedTitle')}
      </h2>
      {sections.length === 0 ? (
        <p>{t('allLinked')}</p>
      ) : (
        <ul className="unlinked__list">
          {sections.map((section) => (
            <li key={section.sectionId} data-section-id={section.sectionId}>
              <Link to={sectionHref(perspectiveId, section.sectionId)} translate="no">
                {sectionLabel(t, section.number, section.title)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
