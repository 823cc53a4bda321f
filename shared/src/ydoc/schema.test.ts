import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialRanks, type Rank } from '../rank.ts'
import {
  appendSection,
  createSection,
  deleteSection,
  getSection,
  insertSectionAfter,
  moveSectionBy,
  moveSectionTo,
  orderedSections,
  sectionPlainText,
} from './schema.ts'

function seeded(titles: string[]): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc()
  const ranks = initialRanks(titles.length)
  const ids = titles.map((title, i) =>
    createSection(doc, { title, rank: ranks[i] as Rank, paragraphs: [`tekst ${title}`] }),
  )
  return { doc, ids }
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

const titles = (doc: Y.Doc): string[] => orderedSections(doc).map((s) => s.title.toString())

describe('section layout', () => {
  it('orders by rank, nests subsections depth first and numbers them', () => {
    const { doc, ids } = seeded(['A', 'B', 'C'])
    appendSection(doc, { title: 'B.1', parent: ids[1] as never })
    appendSection(doc, { title: 'B.2', parent: ids[1] as never })
    const ordered = orderedSections(doc)
    expect(ordered.map((s) => [s.number, s.title.toString(), s.depth])).toEqual([
      ['1', 'A', 0],
      ['2', 'B', 0],
      ['2.1', 'B.1', 1],
      ['2.2', 'B.2', 1],
      ['3', 'C', 0],
    ])
  })

  it('inserts after a given section and reads content as text', () => {
    const { doc, ids } = seeded(['A', 'B'])
    insertSectionAfter(doc, ids[0] as never, { title: 'A2' })
    expect(titles(doc)).toEqual(['A', 'A2', 'B'])
    const a = getSection(doc, ids[0] as never)
    expect(a && sectionPlainText(a)).toBe('tekst A')
  })

  it('reads an image as its description, on a line of its own, and its caption under it', () => {
    const { doc, ids } = seeded(['A'])
    const a = getSection(doc, ids[0] as never)
    if (!a) throw new Error('no section')
    const map = new Y.XmlElement('image')
    map.setAttribute('alt', 'Kaart van De Peel')
    const figure = new Y.XmlElement('image')
    figure.setAttribute('alt', 'Grafiek')
    figure.setAttribute('caption', ' Figuur 2. Stikstof. Bron: RIVM ')
    const after = new Y.XmlElement('paragraph')
    after.insert(0, [new Y.XmlText('daarna')])
    a.content.push([map, new Y.XmlElement('image'), figure, after])
    // A caption is text a reader sees: its own line under the image's description.
    expect(sectionPlainText(a)).toBe(
      'tekst A\n[Afbeelding: Kaart van De Peel]\n[Afbeelding zonder beschrijving]\n[Afbeelding: Grafiek]\nFiguur 2. Stikstof. Bron: RIVM\ndaarna',
    )
  })

  it('moves a section up and down among its siblings, and not past the edges', () => {
    const { doc, ids } = seeded(['A', 'B', 'C'])
    expect(moveSectionBy(doc, ids[2] as never, -1)).toBe(true)
    expect(titles(doc)).toEqual(['A', 'C', 'B'])
    expect(moveSectionBy(doc, ids[0] as never, -1)).toBe(false)
    expect(moveSectionBy(doc, ids[0] as never, 1)).toBe(true)
    expect(titles(doc)).toEqual(['C', 'A', 'B'])
  })

  it('refuses to make a section its own descendant', () => {
    const { doc, ids } = seeded(['A', 'B'])
    const child = appendSection(doc, { title: 'A.1', parent: ids[0] as never })
    expect(moveSectionTo(doc, ids[0] as never, child, 0)).toBe(false)
    expect(titles(doc)).toEqual(['A', 'A.1', 'B'])
  })

  it('never deletes a required section, and deletes a free one with its subsections', () => {
    const doc = new Y.Doc()
    const [r1, r2] = initialRanks(2) as [Rank, Rank]
    const required = createSection(doc, { title: 'Hoofdopgave', rank: r1, component: 'hoofdopgave' })
    const free = createSection(doc, { title: 'Vrij', rank: r2 })
    appendSection(doc, { title: 'Vrij.1', parent: free })
    expect(deleteSection(doc, required)).toBe(false)
    expect(deleteSection(doc, free)).toBe(true)
    expect(titles(doc)).toEqual(['Hoofdopgave'])
  })
})

describe('concurrent moves', () => {
  it('converge when two replicas move the same section to different places', () => {
    const { doc: a, ids } = seeded(['A', 'B', 'C', 'D'])
    const b = new Y.Doc()
    sync(a, b)
    moveSectionTo(a, ids[0] as never, null, 3) // A to the end on one replica
    moveSectionTo(b, ids[0] as never, null, 1) // A after B on the other
    sync(a, b)
    expect(titles(a)).toEqual(titles(b))
    expect(titles(a).sort()).toEqual(['A', 'B', 'C', 'D'])
  })

  it('converge when two replicas move different sections into the same gap', () => {
    const { doc: a, ids } = seeded(['A', 'B', 'C', 'D'])
    const b = new Y.Doc()
    sync(a, b)
    moveSectionTo(a, ids[0] as never, null, 2) // between C and D (computed without A)
    moveSectionTo(b, ids[1] as never, null, 2) // the same gap, computed without B
    sync(a, b)
    expect(titles(a)).toEqual(titles(b))
    expect(titles(a).at(-1)).toBe('D')
  })

  it('converge when one replica re-parents while the other moves', () => {
    const { doc: a, ids } = seeded(['A', 'B', 'C'])
    const b = new Y.Doc()
    sync(a, b)
    moveSectionTo(a, ids[2] as never, ids[0] as never, 0)
    moveSectionBy(b, ids[2] as never, -1)
    sync(a, b)
    expect(orderedSections(a).map((s) => [s.title.toString(), s.depth])).toEqual(
      orderedSections(b).map((s) => [s.title.toString(), s.depth]),
    )
  })
})
