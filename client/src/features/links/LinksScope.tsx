// Provides the open document's LinksStore (useLinksStore) to everything inside its sections, and
// the page's polite live region for link state changes (a target changed, was deleted, was reviewed).
import type { DocumentKind } from '@novex/shared'
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LinksContext, type LinksContextValue } from './LinksContext.ts'
import type { LinksStore } from './linksStore.ts'
import { sectionLabel, stateChangeSentence } from './linkText.ts'
import '../../styles/links.css'

export interface LinksScopeProps {
  /** The document's store (useLinksStore); null while there is none. */
  readonly store: LinksStore | null
  readonly canEdit: boolean
  readonly kind: DocumentKind | null
  readonly children: ReactNode
}

export function LinksScope({ store, canEdit, kind, children }: LinksScopeProps) {
  const { t } = useTranslation('links')
  const [announcement, setAnnouncement] = useState('')
  // The store lives as long as the document; the language may change meanwhile.
  const tRef = useRef(t)
  tRef.current = t

  useEffect(() => {
    if (store === null) return
    return store.onStateChanges((changes) => {
      const tr = tRef.current
      const sentences = changes.map((change) =>
        stateChangeSentence(
          tr,
          change.link.title !== undefined
            ? sectionLabel(tr, change.link.number, change.link.title)
            : tr('links:announce.someSection'),
          change.link.state,
        ),
      )
      setAnnouncement(sentences.join(' '))
    })
  }, [store])

  const value = useMemo<LinksContextValue | null>(
    () => (store ? { store, canEdit, kind } : null),
    [store, canEdit, kind],
  )

  return (
    <LinksContext value={value}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="link-announcement">
        {announcement}
      </div>
    </LinksContext>
  )
}
