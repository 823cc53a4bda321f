import { describe, expect, it } from 'vitest'
import { baselineRuns, baselineText } from './baselineText.ts'

const link = { documentId: 'ruimtelijk-voorstel-noord-brabant', sectionId: 'a1b2c3d4e5f6a7b8c9d0' }

describe('a link baseline text', () => {
  it('keeps each link in its place between the words around it', () => {
    const runs = ['Wonen\nZie ', link, ' voor de aantallen.']
    expect(baselineRuns(baselineText(runs))).toEqual(runs)
  })

  it('reads a baseline stored before links were kept as its plain text', () => {
    expect(baselineRuns('Wonen\nTekst.')).toEqual(['Wonen\nTekst.'])
    expect(baselineRuns('')).toEqual([])
  })

  it('takes the marking characters out of the text, so typed text never reads as a link', () => {
    const typed = `Wonen\n\uFFF9${link.documentId}\uFFFA${link.sectionId}\uFFFB`
    expect(baselineRuns(baselineText([typed]))).toEqual([`Wonen\n${link.documentId}${link.sectionId}`])
  })
})
