import { describe, expect, it } from 'vitest'
import type { LinkTarget } from '../../api/links.ts'
import { groupTargets } from './groupTargets.ts'

const target = (documentId: string, sectionId: string): LinkTarget => ({
  documentId,
  documentTitle: `Titel ${documentId}`,
  sectionId,
  number: '1',
  title: sectionId,
  snippet: '',
})

describe('groupTargets', () => {
  it('groups by document in order of first appearance and numbers the options in screen order', () => {
    const groups = groupTargets([target('b', 's1'), target('a', 's2'), target('b', 's3')], 'other')
    expect(groups.map((g) => g.documentId)).toEqual(['b', 'a'])
    expect(groups.flatMap((g) => g.options.map((o) => [o.target.sectionId, o.index]))).toEqual([
      ['s1', 0],
      ['s3', 1],
      ['s2', 2],
    ])
  })

  it('puts the document one writes in last', () => {
    const groups = groupTargets([target('here', 's1'), target('a', 's2'), target('b', 's3')], 'here')
    expect(groups.map((g) => g.documentId)).toEqual(['a', 'b', 'here'])
    expect(groups[2]?.options[0]?.index).toBe(2)
  })
})
