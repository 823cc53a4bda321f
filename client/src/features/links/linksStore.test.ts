import type { OutgoingLink } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { findLink } from './linksStore.ts'

const link = (sourceSectionId: string, state: OutgoingLink['state']): OutgoingLink => ({
  sourceSectionId,
  targetDocumentId: 'voorstel',
  targetSectionId: 'doel',
  state,
  title: 'Wonen',
  baselineAt: 1,
})

describe('findLink', () => {
  it("prefers the link from the node's own section: the state depends on the source's baseline", () => {
    const links = [link('a', 'valid'), link('b', 'suspect')]
    expect(findLink(links, 'b', 'voorstel', 'doel')?.state).toBe('suspect')
  })

  it('falls back to a link to the same target while the own section is not known (yet)', () => {
    expect(findLink([link('a', 'valid')], null, 'voorstel', 'doel')?.state).toBe('valid')
    expect(findLink([link('a', 'valid')], 'x', 'voorstel', 'ander')).toBeUndefined()
  })
})
