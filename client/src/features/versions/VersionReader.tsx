// A stored version opened read-only: its full Yjs state applied into a fresh Y.Doc of its own (never
// the live document), the sections in their order at that time.
import { orderedSections } from '@novex/shared'
import { Alert } from '@rijkshuisstijl-community/components-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import * as Y from 'yjs'
import { type ClientVersionSummary, fetchVersionState } from '../../api/comments.ts'
import { apiErrorText } from '../comments/apiErrorText.ts'
import { ReadOnlySection } from './ReadOnlySection.tsx'

export interface VersionReaderProps {
  readonly documentId: string
  readonly version: ClientVersionSummary
}

type Loaded = { state: 'loading' } | { state: 'ready'; doc: Y.Doc } | { state: 'failed'; message: string }

export function VersionReader({ documentId, version }: VersionReaderProps) {
  const { t, i18n } = useTranslation('versions')
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })

  useEffect(() => {
    const controller = new AbortController()
    let doc: Y.Doc | null = null
    setLoaded({ state: 'loading' })
    fetchVersionState(documentId, version.id, controller.signal).then(
      (update) => {
        doc = new Y.Doc()
        try {
          Y.applyUpdate(doc, update)
          setLoaded({ state: 'ready', doc })
        } catch {
          setLoaded({ state: 'failed', message: t('unreadable') })
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        setLoaded({ state: 'failed', message: apiErrorText(t, i18n, error, t('loadFailed')) })
      },
    )
    return () => {
      controller.abort()
      doc?.destroy()
    }
  }, [documentId, version.id, t, i18n])

  if (loaded.state === 'loading') {
    return (
      <p className="empty-state" role="status">
        {t('loadingVersion')}
      </p>
    )
  }
  if (loaded.state === 'failed') {
    return <Alert type="error">{loaded.message}</Alert>
  }
  const sections = orderedSections(loaded.doc)
  return (
    <div className="version-reader" data-testid="version-reader">
      {sections.length === 0 ? (
        <p className="empty-state">{t('noSectionsInVersion')}</p>
      ) : (
        sections.map((section) => <ReadOnlySection key={section.id} section={section} />)
      )}
    </div>
  )
}
