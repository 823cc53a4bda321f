// "Verwijzingen hierheen" under one section: the sections, in any document the reader may open, whose
// text links here, each with the sentence around the link, and a link that opens that section. The
// server derives the list from the documents' content; it is refetched with the page's link data.
import type { Backlink } from '@novex/shared'
import { type MouseEvent, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLinksContext, useLinksSnapshot } from './LinksContext.ts'
import { sectionHref, sectionLabel } from './linkText.ts'

export function SectionBacklinks({ sectionId }: { readonly sectionId: string }) {
  const { t } = useTranslation('links')
  const context = useLinksContext()
  const snapshot = useLinksSnapshot(context?.store ?? null)
  const headingId = useId()
  const backlinks = snapshot.backlinks.filter((b) => b.targetSectionId === sectionId)
  if (context === null || backlinks.length === 0) return null

  return (
    <details className="backlinks" data-testid="backlinks" data-count={backlinks.length}>
      <summary className="backlinks__summary">
        <span id={headingId}>{t('backlinks.title')}</span> {t('backlinks.count', { n: backlinks.length })}
      </summary>
      <ul className="backlinks__list" aria-labelledby={headingId}>
        {backlinks.map((backlink) => (
          <BacklinkItem
            key={`${backlink.sourceDocumentId}/${backlink.sourceSectionId}/${backlink.context}`}
            backlink={backlink}
            here={backlink.sourceDocumentId === context.store.documentId}
          />
        ))}
      </ul>
    </details>
  )
}

function BacklinkItem({ backlink, here }: { readonly backlink: Backlink; readonly here: boolean }) {
  const { t } = useTranslation('links')
  const navigate = useNavigate()
  const href = sectionHref(backlink.sourceDocumentId, backlink.sourceSectionId)
  const open = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(href)
  }
  return (
    <li className="backlinks__item" data-testid="backlink" data-source-document-id={backlink.sourceDocumentId}>
      <a href={href} onClick={open} className="backlinks__source">
        {here ? t('backlinks.thisDocument') : <span translate="no">{backlink.sourceDocumentTitle}</span>}
        {', '}
        {backlink.sourceAvailable ? (
          <span translate="no">{sectionLabel(t, backlink.sourceNumber, backlink.sourceTitle)}</span>
        ) : (
          // The server cannot open the linking document for now: its section's name is unknown.
          <span className="backlinks__unavailable">{t('backlinks.unavailable')}</span>
        )}
      </a>
      {backlink.context !== '' && (
        <blockquote className="backlinks__context" translate="no">
          {backlink.context}
        </blockquote>
      )}
    </li>
  )
}
