// The sections in document order, re-read when the outline changes: a section added or removed, a
// rank, parent or component changed, or a title edited. Edits inside a section's content (every
// keystroke) do not re-render the list; each editor follows its own fragment.
import { type OrderedSection, orderedSections, sectionsMap } from '@novex/shared'
import { useEffect, useState } from 'react'
import * as Y from 'yjs'

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
      if (events.some((event) => isOutlineChange(event.target, map))) refresh()
    }
    refresh()
    map.observeDeep(handleChange)
    return () => map.unobserveDeep(handleChange)
  }, [doc])

  return sections
}

function isOutlineChange(target: Y.AbstractType<unknown>, map: object): boolean {
  if (target === map) return true
  const parent = target.parent
  // A section's own keys (rank, parent, component), or its title text.
  return parent === map || (target instanceof Y.Text && parent !== null && parent.parent === map)
}
