// A stored version opened read-only: its full Yjs state applied into a fresh Y.Doc of its own (never
// the live document), the sections in their order at that time.
import { orderedSections } from '@novex/shared'
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { fetchVersionState, type VersionSummary } from '../../api/comments.ts'
import { ReadOnlySection } from './ReadOnlySection.tsx'

export interface VersionReaderProps {
  readonly documentId: string
  readonly version: VersionSummary
}

type Loaded = { state: 'loading' } | { state: 'ready'; doc: Y.Doc } | { state: 'failed'; message: string }

export function VersionReader({ documentId, version }: VersionReaderProps) {
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
          setLoaded({ state: 'failed', message: 'Deze versie kon niet worden gelezen.' })
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        setLoaded({ state: 'failed', message: error instanceof Error ? error.message : 'Laden is niet gelukt.' })
      },
    )
    return () => {
      controller.abort()
      doc?.destroy()
    }
  }, [documentId, version.id])

  if (loaded.state === 'loading') {
    return (
      <p className="empty-state" role="status">
        Versie laden…
      </p>
    )
  }
  if (loaded.state === 'failed') {
    return (
      <p className="form-error" role="alert">
        {loaded.message}
      </p>
    )
  }
  const sections = orderedSections(loaded.doc)
  return (
    <div className="version-reader" data-testid="version-reader">
      {sections.length === 0 ? (
        <p className="empty-state">Deze versie heeft geen secties.</p>
      ) : (
        sections.map((section) => <ReadOnlySection key={section.id} section={section} />)
      )}
    </div>
  )
}
