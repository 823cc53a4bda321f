// "Inhoud": the outline of the document as links, so a keyboard or screen-reader user can go straight
// to a section instead of tabbing through every editor before it. A link sets the address to
// `#section-<id>`; SectionHashFocus (features/links) scrolls there and puts the focus on the title.
// Folded by default: the outline is long and the sections themselves follow right below. Beside a
// title, how many reactions are still open on it: where the review still has work.
import type { OrderedSection } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { OpenThreads } from '../comments/useOpenThreads.ts'

export interface TableOfContentsProps {
  readonly sections: readonly OrderedSection[]
  /** Open reactions per section id. */
  readonly openThreads: OpenThreads
}

export function TableOfContents({ sections, openThreads }: TableOfContentsProps) {
  const { t } = useTranslation('sections')
  if (sections.length === 0) return null
  return (
    <nav className="toc" aria-label={t('toc.title')} data-testid="toc">
      <details className="toc__details">
        <summary className="toc__summary">{t('toc.summary', { count: sections.length })}</summary>
        <ol className="toc__list">
          {sections.map((section) => (
            <li key={section.id} className="toc__item" data-depth={section.depth}>
              <Link to={{ hash: `section-${section.id}` }} className="toc__link" data-section-id={section.id}>
                {/* The space inside the number's box: between two boxes it would be underlined on its own,
                    as if the title began with a space. It still separates the two for a screen reader. */}
                <span className="toc__number">{`${section.number} `}</span>
                <span translate="no">{section.title.toString() || t('toc.untitled')}</span>
                {openThreads.has(section.id) && (
                  <span className="toc__open" data-testid="toc-open">
                    {' · '}
                    {t('toc.open', { count: openThreads.get(section.id)?.count })}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  )
}
