// Which part of the sections map a Yjs event changed, read from the event's target and its parents
// (two steps up at most) instead of `event.path`, which Yjs computes by searching each parent for the
// child's key: a cost on every keystroke for every observer of the whole map.
import { SECTION_KEYS, type SectionMap } from '@novex/shared'
import type * as Y from 'yjs'

/**
 * outline: sections added or removed, or a section's own fields (rank, parent, component);
 * title: a section's title text; content: anything inside a section's content.
 */
export type SectionChange = 'outline' | 'title' | 'content'

export function sectionChange(target: Y.AbstractType<unknown>, sections: Y.Map<SectionMap>): SectionChange {
  if (target === sections) return 'outline'
  const section = target.parent
  if (section === sections) return 'outline'
  if (section !== null && section.parent === sections)
    return (section as SectionMap).get(SECTION_KEYS.title) === target ? 'title' : 'content'
  return 'content'
}
