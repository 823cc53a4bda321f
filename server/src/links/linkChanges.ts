// "Wat is er gewijzigd?" for a link: the target's text now against its baseline, as a word diff in which
// each section link inside the target is a part of its own, named for the reader, as in a version
// comparison (docs/links.md): the same placeholders while the texts are compared
// (review/linkPlaceholders.ts) and the same names afterwards (review/linkLabels.ts). So a target that
// changed only by a link added or removed shows that link, not "geen verschil".
import type { DiffPart, SectionTextRun } from '@novex/shared'
import type { User } from '../accounts/accountStore.ts'
import { comparisonFor, type LinkLabelDeps } from '../review/linkLabels.ts'
import { linkPlaceholders } from '../review/linkPlaceholders.ts'
import { diffBudget, wordDiff } from '../review/wordDiff.ts'

/**
 * The parts from `before` to `after` (both the target's runs), their links named for `user` as seen
 * from `documentId` (the target's document: a link to another section of it needs no document title).
 */
export async function linkChangeParts(
  deps: LinkLabelDeps,
  user: User,
  documentId: string,
  before: readonly SectionTextRun[],
  after: readonly SectionTextRun[],
): Promise<DiffPart[]> {
  const links = linkPlaceholders([before, after])
  const parts = links.expand(wordDiff(links.text(before), links.text(after), diffBudget()))
  const [named] = await comparisonFor(
    deps,
    user,
    documentId,
    [{ sectionId: '', title: '', status: 'changed', parts, inserted: 0, deleted: 0 }],
    [],
  )
  return [...(named?.parts ?? parts)]
}
