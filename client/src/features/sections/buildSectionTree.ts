// Turns the flat document order (depth-first, with depths) into a tree of sibling groups for the
// sortable list: each node is rendered with its subsections right below it, so a dragged section
// carries its subsections along.
import type { OrderedSection } from '@novex/shared'

export interface SectionNode {
  readonly section: OrderedSection
  /** The parent as shown (null at the top level, also for a section whose parent is gone). */
  readonly parentId: string | null
  readonly children: SectionNode[]
}

export function buildSectionTree(sections: readonly OrderedSection[]): SectionNode[] {
  const roots: SectionNode[] = []
  const stack: SectionNode[] = []
  for (const section of sections) {
    while (stack.length > section.depth) stack.pop()
    const parent = stack.at(-1) ?? null
    const node: SectionNode = { section, parentId: parent ? parent.section.id : null, children: [] }
    if (parent) parent.children.push(node)
    else roots.push(node)
    stack.push(node)
  }
  return roots
}

/** Every node by section id. */
export function indexSectionTree(roots: readonly SectionNode[]): Map<string, SectionNode> {
  const index = new Map<string, SectionNode>()
  const walk = (nodes: readonly SectionNode[]): void => {
    for (const node of nodes) {
      index.set(node.section.id, node)
      walk(node.children)
    }
  }
  walk(roots)
  return index
}
