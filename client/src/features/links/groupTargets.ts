// The picker's results grouped by document, in the server's order of first appearance but with the
// document one is writing in last (the picker is there to link to the other document), each option
// with its index in the flat order the arrow keys walk.
import type { LinkTarget } from '../../api/links.ts'

export interface TargetGroup {
  readonly documentId: string
  readonly documentTitle: string
  readonly options: readonly { readonly target: LinkTarget; readonly index: number }[]
}

export function groupTargets(targets: readonly LinkTarget[], currentDocumentId: string): TargetGroup[] {
  const groups = new Map<
    string,
    { documentId: string; documentTitle: string; options: TargetGroup['options'][number][] }
  >()
  for (const target of targets) {
    let group = groups.get(target.documentId)
    if (group === undefined) {
      group = { documentId: target.documentId, documentTitle: target.documentTitle, options: [] }
      groups.set(target.documentId, group)
    }
    group.options.push({ target, index: -1 })
  }
  // Indices follow the grouped order, which is the order on screen.
  let index = 0
  const ordered = [...groups.values()].sort(
    (a, b) => Number(a.documentId === currentDocumentId) - Number(b.documentId === currentDocumentId),
  )
  return ordered.map((group) => ({
    ...group,
    options: group.options.map((option) => ({ target: option.target, index: index++ })),
  }))
}
