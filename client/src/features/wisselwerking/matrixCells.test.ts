import { describe, expect, it } from 'vitest'
import type { Wisselwerking } from '../../api/links.ts'
import { indexMatrix, WHOLE_DOCUMENT } from './matrixCells.ts'

const data: Wisselwerking = {
  perspective: {
    documentId: 'p',
    documentTitle: 'Ontwikkelperspectief',
    sections: [
      { sectionId: 'p1', number: '1', title: 'Hoofdopgave' },
      { sectionId: 'p2', number: '2', title: 'Toekomstbestendig' },
      { sectionId: 'p3', number: '3', title: 'Keuzes' },
    ],
  },
  voorstellen: [
    {
      documentId: 'v',
      documentTitle: 'Voorstel',
      sections: [{ sectionId: 'v1', number: '1', title: 'Inleiding' }],
      available: true,
    },
  ],
  links: [
    { sourceDocumentId: 'p', sourceSectionId: 'p1', targetDocumentId: 'v', targetSectionId: 'v1', state: 'valid' },
    { sourceDocumentId: 'p', sourceSectionId: 'p1', targetDocumentId: 'v', targetSectionId: 'v1', state: 'suspect' },
    // voorstel → perspective counts for the same matrix
    { sourceDocumentId: 'v', sourceSectionId: 'v1', targetDocumentId: 'p', targetSectionId: 'p2', state: 'broken' },
    // within the perspective: not a wisselwerking link
    { sourceDocumentId: 'p', sourceSectionId: 'p3', targetDocumentId: 'p', targetSectionId: 'p1', state: 'valid' },
  ],
}

describe('indexMatrix', () => {
  it('summarises a cell by the state that needs most attention, in both directions', () => {
    const index = indexMatrix(data)
    expect(index.cell('p1', 'v', 'v1')).toEqual({ state: 'suspect', count: 2 })
    expect(index.cell('p2', 'v', 'v1')).toEqual({ state: 'broken', count: 1 })
    expect(index.cell('p3', 'v', 'v1')).toBeUndefined()
  })

  it('lists the perspective sections without any link to a voorstel', () => {
    const index = indexMatrix(data)
    expect(index.unlinked.map((s) => s.sectionId)).toEqual(['p3'])
    expect(index.linkedCount).toBe(2)
    expect(index.stateCounts).toEqual({ valid: 1, suspect: 1, broken: 1, 'no-access': 0, unavailable: 0 })
  })

  it('keeps links to a voorstel section that has no column (deleted) visible as detached', () => {
    const index = indexMatrix({
      ...data,
      links: [
        {
          sourceDocumentId: 'p',
          sourceSectionId: 'p3',
          targetDocumentId: 'v',
          targetSectionId: 'gone',
          state: 'broken',
        },
      ],
    })
    expect(index.detached).toEqual([
      { sourceDocumentId: 'p', source: data.perspective.sections[2], targetDocumentId: 'v', state: 'broken' },
    ])
    expect(index.unlinked.map((s) => s.sectionId)).toEqual(['p1', 'p2'])
  })

  it('keeps a voorstel’s link to a perspective section that has no row (deleted) visible as detached', () => {
    const index = indexMatrix({
      ...data,
      links: [
        {
          sourceDocumentId: 'v',
          sourceSectionId: 'v1',
          targetDocumentId: 'p',
          targetSectionId: 'gone',
          state: 'broken',
        },
      ],
    })
    // The summary counts it, so the page must show it somewhere.
    expect(index.stateCounts.broken).toBe(1)
    expect(index.detached).toEqual([
      { sourceDocumentId: 'v', source: data.voorstellen[0]?.sections[0], targetDocumentId: 'p', state: 'broken' },
    ])
    expect(index.unlinked.map((s) => s.sectionId)).toEqual(['p1', 'p2', 'p3'])
  })

  it('gives a voorstel the server cannot open one column per perspective section, and detaches nothing', () => {
    const index = indexMatrix({
      ...data,
      voorstellen: [{ documentId: 'v', documentTitle: 'Voorstel', sections: [], available: false }],
      links: [
        { sourceDocumentId: 'p', sourceSectionId: 'p1', targetDocumentId: 'v', targetSectionId: 'v1', state: 'valid' },
        {
          sourceDocumentId: 'p',
          sourceSectionId: 'p1',
          targetDocumentId: 'v',
          targetSectionId: 'v2',
          state: 'unavailable',
        },
        // from the unavailable voorstel: its rows are in the index, its state is the perspective's
        {
          sourceDocumentId: 'v',
          sourceSectionId: 'v1',
          targetDocumentId: 'p',
          targetSectionId: 'p2',
          state: 'suspect',
        },
      ],
    })
    expect(index.cell('p1', 'v', WHOLE_DOCUMENT)).toEqual({ state: 'unavailable', count: 2 })
    expect(index.cell('p2', 'v', WHOLE_DOCUMENT)).toEqual({ state: 'suspect', count: 1 })
    expect(index.detached).toEqual([])
    expect(index.unlinked.map((s) => s.sectionId)).toEqual(['p3'])
    expect(index.stateCounts).toEqual({ valid: 1, suspect: 1, broken: 0, 'no-access': 0, unavailable: 1 })
  })
})
