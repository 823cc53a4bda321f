// The sentences of a round report's section about its text: how many words were added and deleted (with
// the plural each number takes: "1 woord", "2 woorden"), and how many section links, which reviewers check
// against the provincial voorstel. Texts come from the `review` catalogue through the caller's `t`.
import type { DiffPart } from '@novex/shared'
import type { Translate } from '../../ui/translate.ts'

/** "Gewijzigd: 1 woord toegevoegd, 0 woorden verwijderd." */
export function wordChangesText(t: Translate<'review'>, changes: { inserted: number; deleted: number }): string {
  return t('report.changes', {
    added: t('report.wordsAdded', { count: changes.inserted }),
    deleted: t('report.wordsDeleted', { count: changes.deleted }),
  })
}

/** "Koppelingen: 1 toegevoegd, 0 verwijderd."; null when no link was added or removed. */
export function linkChangesText(t: Translate<'review'>, parts: readonly DiffPart[]): string | null {
  const added = parts.filter((p) => p.link && p.added).length
  const deleted = parts.filter((p) => p.link && p.removed).length
  return added + deleted === 0 ? null : t('report.links', { added, deleted })
}
