import { appendSection, orderedSections, type SectionId } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildSectionTree, indexSectionTree } from './buildSectionTree.ts'

describe('buildSectionTree', () => {
  it('nests subsections under their parent, in document order', () => {
    const doc = new Y.Doc()
    const a = appendSection(doc, { title: 'A' })
    const b = appendSection(doc, { title: 'B' })
    const a1 = appendSection(doc, { title: 'A.1', parent: a })
    const a1x = appendSection(doc, { title: 'A.1.x', parent: a1 })
    const a2 = appendSection(doc, { title: 'A.2', parent: a })
    const tree = buildSectionTree(orderedSections(doc))
    expect(tree.map((n) => n.section.id)).toEqual([a, b])
    expect(tree[0]?.children.map((n) => n.section.id)).toEqual([a1, a2])
    expect(tree[0]?.children[0]?.children.map((n) => n.section.id)).toEqual([a1x])
    const index = indexSectionTree(tree)
    expect(index.get(a1x)?.parentId).toBe(a1)
    expect(index.get(b)?.parentId).toBe(null)
  })

  it('shows a section whose parent is gone at the top level', () => {
    const doc = new Y.Doc()
    const orphan = appendSection(doc, { title: 'Wees', parent: 'verdwenen-sectie' as SectionId })
    const tree = buildSectionTree(orderedSections(doc))
    expect(tree.map((n) => n.section.id)).toEqual([orphan])
    expect(tree[0]?.parentId).toBe(null)
  })
})
