// The hash a signature would cover right now: the shared `sectionHash` of the section in this
// browser's copy of the document, followed live as anyone edits it. Null when the section is gone.
import { getSection, type SectionId, sectionHash } from '@novex/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

function hashOf(doc: Y.Doc, sectionId: string): string | null {
  const view = getSection(doc, sectionId as SectionId)
  return view === null ? null : sectionHash(view)
}

export function useSectionHash(doc: Y.Doc, sectionId: string): string | null {
  const [hash, setHash] = useState(() => hashOf(doc, sectionId))
  useEffect(() => {
    const update = (): void => setHash(hashOf(doc, sectionId))
    update()
    doc.on('afterTransaction', update)
    return () => doc.off('afterTransaction', update)
  }, [doc, sectionId])
  return hash
}
