// The report of a closed ijkmoment: per section, the threads opened in the round, resolved during it
// and still open at its close, counted per organisation of the opener, and what changed in the text
// between the start and the end of the round. It is stored with its section links unnamed (compareDocs.ts):
// every answer names them for its reader (linkLabels.ts).
import {
  type CommentThread,
  orderedSections,
  type Round,
  type RoundReport,
  type RoundReportSection,
  roundName,
} from '@novex/shared'
import type * as Y from 'yjs'
import { compareSections } from './compareDocs.ts'

function countBy(threads: readonly CommentThread[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const t of threads) counts[t.openedBy.organisationName] = (counts[t.openedBy.organisationName] ?? 0) + 1
  return counts
}

export function roundReport(input: {
  readonly round: Round
  readonly openedAt: number
  readonly closedAt: number
  readonly start: Y.Doc
  readonly end: Y.Doc
  readonly threads: readonly CommentThread[]
}): RoundReport {
  const changes = new Map(compareSections(input.start, input.end).map((c) => [c.sectionId, c]))
  const opened = input.threads.filter((t) => t.round === input.round)
  const resolved = input.threads.filter(
    (t) => t.status === 'resolved' && t.resolvedAt !== null && t.resolvedAt >= input.openedAt,
  )
  const open = input.threads.filter((t) => t.status === 'open')
  const sections = orderedSections(input.end).map((section): RoundReportSection => {
    const inSection = (list: readonly CommentThread[]) => list.filter((t) => t.sectionId === section.id)
    const change = changes.get(section.id)
    return {
      sectionId: section.id,
      number: section.number,
      title: section.title.toString(),
      opened: countBy(inSection(opened)),
      resolved: countBy(inSection(resolved)),
      open: countBy(inSection(open)),
      changes: { inserted: change?.inserted ?? 0, deleted: change?.deleted ?? 0, parts: change?.parts ?? [] },
    }
  })
  return {
    round: input.round,
    name: roundName(input.round),
    openedAt: input.openedAt,
    closedAt: input.closedAt,
    sections,
    totals: { opened: opened.length, resolved: resolved.length, open: open.length },
  }
}
