// The sections in document order, re-read when the outline changes: a section added or removed, a
// rank, parent or component changed, or a title edited. Edits inside a section's content (every
// keystroke) do not re-render the list; each editor follows its own fragment.
import { type OrderedSection, orderedSections, sectionsMap } from '@novex/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { sectionChange } from './sectionChange.ts'

export function useOrderedSections(doc: Y.Doc | null): readonly OrderedSection[] {
  const [sections, setSections] = useState<readonly OrderedSection[]>([])

  useEffect(() => {
    if (doc === null) {
      setSections([])
      return
    }
    const map = sectionsMap(doc)
    const refresh = (): void => setSections(orderedSections(doc))
    const handleChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
      if (events.some((event) => sectionChange(event.target, map) !== 'content')) refresh()
    }
    refresh()
    map.observeDeep(handleChange)
    return () => map.unobserveDeep(handleChange)
  }, [doc])

  return sections
}
