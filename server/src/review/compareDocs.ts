// Compares two versions of a document per section: title and text as word diffs, so a reader sees
// what was inserted and deleted (wordDiff.ts). Sections are matched by id (stable across renames and moves).
// A section link added or removed is a change too: it is a part of its own (linkPlaceholders.ts), named
// for the reader afterwards (linkLabels.ts).
import {
  type DiffPart,
  orderedSections,
  type SectionComparison,
  type SectionTextRun,
  type SectionView,
  sectionTitledRuns,
} from '@novex/shared'
import type * as Y from 'yjs'
import { linkPlaceholders } from './linkPlaceholders.ts'
import { diffBudget, wordDiff } from './wordDiff.ts'

/** The title on a line of its own, then the content with its links; an absent section reads as no text. */
function runsOf(section: SectionView | undefined): SectionTextRun[] {
  return section ? sectionTitledRuns(section) : []
}

/** Words: what stands between spaces and holds a letter or a digit (a full stop on its own is none). */
const words = (value: string): number => value.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length

const count = (parts: readonly DiffPart[], which: 'added' | 'removed') => {
  const changed = parts.filter((p) => p[which])
  return {
    words: changed.filter((p) => !p.link).reduce((n, p) => n + words(p.value), 0),
    links: changed.filter((p) => p.link).length,
  }
}

export function compareSections(from: Y.Doc, to: Y.Doc): SectionComparison[] {
  const before = new Map(orderedSections(from).map((s) => [s.id as string, s]))
  const after = orderedSections(to)
  const pairs: { id: string; old: SectionView | undefined; now: SectionView | undefined }[] = []
  const seen = new Set<string>()
  for (const section of after) {
    seen.add(section.id)
    pairs.push({ id: section.id, old: before.get(section.id), now: section })
  }
  for (const [id, section] of before) if (!seen.has(id)) pairs.push({ id, old: section, now: undefined })
  const texts = pairs.map(({ old, now }) => ({ old: runsOf(old), now: runsOf(now) }))
  const links = linkPlaceholders(texts.flatMap(({ old, now }) => [old, now]))
  const budget = diffBudget()
  return pairs.map(({ id, old, now }, index): SectionComparison => {
    const text = texts[index] ?? { old: [], now: [] }
    const parts = links.expand(wordDiff(links.text(text.old), links.text(text.now), budget))
    const inserted = count(parts, 'added')
    const deleted = count(parts, 'removed')
    const changes = inserted.words + deleted.words + inserted.links + deleted.links
    const status = !old ? 'added' : !now ? 'removed' : changes > 0 ? 'changed' : 'same'
    return {
      sectionId: id,
      title: (now ?? old)?.title.toString() ?? '',
      status,
      parts,
      inserted: inserted.words,
      deleted: deleted.words,
    }
  })
}
