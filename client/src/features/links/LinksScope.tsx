// Provides one LinksStore per open document to everything inside the document page's sections, and
// the page's polite live region for link state changes (a target changed, was deleted, was reviewed).
import type { DocumentKind } from '@novex/shared'
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { LinksContext, type LinksContextValue } from './LinksContext.ts'
import { createLinksStore, type LinksStore } from './linksStore.ts'
import { sectionLabel, stateChangeSentence } from './linkText.ts'
import '../../styles/links.css'

export interface LinksScopeProps {
  readonly documentId: string
  readonly doc: Y.Doc
  readonly canEdit: boolean
  readonly kind: DocumentKind | null
  readonly children: ReactNode
}

export function LinksScope({ documentId, doc, canEdit, kind, children }: LinksScopeProps) {
  const [store, setStore] = useState<LinksStore | null>(null)
  const { t } = useTranslation('links')
  const [announcement, setAnnouncement] = useState('')
  // The store lives as long as the document; the language may change meanwhile.
  const tRef = useRef(t)
  tRef.current = t

  // Created in an effect, not in render: it observes the doc and fetches (StrictMode mounts twice).
  useEffect(() => {
    const created = createLinksStore(documentId, doc)
    setStore(created)
    const stop = created.onStateChanges((changes) => {
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
    return () => {
      stop()
      created.destroy()
      setStore(null)
    }
  }, [documentId, doc])

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
