// Compares two versions of a document per section: title and text as word diffs, so a reader sees
// what was inserted and deleted (wordDiff.ts). Sections are matched by id (stable across renames and moves).
import {
  type DiffPart,
  orderedSections,
  type SectionComparison,
  type SectionView,
  sectionPlainText,
} from '@novex/shared'
import type * as Y from 'yjs'
import { diffBudget, wordDiff } from './wordDiff.ts'

function textOf(section: SectionView | undefined): string {
  return section ? `${section.title.toString()}\n${sectionPlainText(section)}` : ''
}

const words = (value: string): number => value.split(/\s+/).filter((w) => w.length > 0).length

export function compareSections(from: Y.Doc, to: Y.Doc): SectionComparison[] {
  const before = new Map(orderedSections(from).map((s) => [s.id as string, s]))
  const after = orderedSections(to)
  const seen = new Set<string>()
  const out: SectionComparison[] = []
  const budget = diffBudget()
  const compare = (sectionId: string, old: SectionView | undefined, now: SectionView | undefined): void => {
    const parts: DiffPart[] = wordDiff(textOf(old), textOf(now), budget)
    const inserted = parts.filter((p) => p.added).reduce((n, p) => n + words(p.value), 0)
    const deleted = parts.filter((p) => p.removed).reduce((n, p) => n + words(p.value), 0)
    const status = !old ? 'added' : !now ? 'removed' : inserted + deleted > 0 ? 'changed' : 'same'
    out.push({ sectionId, title: (now ?? old)?.title.toString() ?? '', status, parts, inserted, deleted })
  }
  for (const section of after) {
    seen.add(section.id)
    compare(section.id, before.get(section.id), section)
  }
  for (const [id, section] of before) if (!seen.has(id)) compare(id, section, undefined)
  return out
}
