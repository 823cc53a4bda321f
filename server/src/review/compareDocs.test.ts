// A section link added or removed between two versions is a change a reviewer sees: a part of its own
// with its target, never split by the word diff and never counted as words. Before, the comparison read
// the text without links, so "Zie ook [link]." showed as "[toegevoegd: Zie ook .]" and the section
// counted the full stop as a word.
import { createSection, getSection, initialRanks, type Rank, type SectionId, type SectionView } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { compareSections } from './compareDocs.ts'
import { UNNAMED_LINK } from './linkPlaceholders.ts'

const VOORSTEL = 'ruimtelijk-voorstel-noord-brabant'
const WONEN = 'wonenEnVerstedelijking'
const WATER = 'waterEnBodemSturend'
const [RANK] = initialRanks(1) as [Rank]

function documentWith(id: SectionId, paragraphs: readonly string[]): { doc: Y.Doc; section: SectionView } {
  const doc = new Y.Doc()
  createSection(doc, { id, title: 'Wonen', rank: RANK, paragraphs })
  const section = getSection(doc, id)
  if (!section) throw new Error('no section')
  return { doc, section }
}

/** A copy of `doc` (a version as stored) to change into a later one. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

function appendLink(doc: Y.Doc, id: SectionId, before: string, sectionId: string, after = ''): void {
  const section = getSection(doc, id)
  if (!section) throw new Error('no section')
  const link = new Y.XmlElement('sectionLink')
  link.setAttribute('documentId', VOORSTEL)
  link.setAttribute('sectionId', sectionId)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(before), link, ...(after ? [new Y.XmlText(after)] : [])])
  section.content.push([paragraph])
}

const id = 'sectieWonen01' as SectionId

describe('comparing versions with section links', () => {
  it('shows a link added as a part of its own, and counts only the words around it', () => {
    const { doc: start } = documentWith(id, ['Woningen krijgen ruimte in de overgangszone.'])
    const end = copyOf(start)
    appendLink(end, id, 'Zie ook ', WONEN, '.')
    const [section] = compareSections(start, end)
    expect(section?.status).toBe('changed')
    expect(section?.parts).toEqual([
      { value: 'Wonen\nWoningen krijgen ruimte in de overgangszone.' },
      { value: '\nZie ook ', added: true },
      { value: UNNAMED_LINK, added: true, link: { documentId: VOORSTEL, sectionId: WONEN } },
      { value: '.', added: true },
    ])
    expect(section?.inserted).toBe(2)
    expect(section?.deleted).toBe(0)
  })

  it('shows a link removed, and a section whose only change is a link as changed', () => {
    const { doc: start } = documentWith(id, ['Zie '])
    appendLink(start, id, 'Zie ', WONEN)
    const end = copyOf(start)
    const section = getSection(end, id)
    section?.content.delete(1, 1)
    const [compared] = compareSections(start, end)
    expect(compared?.status).toBe('changed')
    expect(compared?.parts.filter((p) => p.removed && p.link)).toEqual([
      { value: UNNAMED_LINK, removed: true, link: { documentId: VOORSTEL, sectionId: WONEN } },
    ])
  })

  it('keeps an unchanged link unchanged, and sees a link to another section as one replaced by another', () => {
    const { doc: start } = documentWith(id, [])
    appendLink(start, id, 'Zie ', WONEN, '.')
    const same = compareSections(start, copyOf(start))[0]
    expect(same?.status).toBe('same')
    expect(same?.parts.filter((p) => p.link)).toEqual([
      { value: UNNAMED_LINK, link: { documentId: VOORSTEL, sectionId: WONEN } },
    ])
    const { doc: other } = documentWith(id, [])
    appendLink(other, id, 'Zie ', WATER, '.')
    const [changed] = compareSections(start, other)
    expect(changed?.parts.filter((p) => p.link)).toEqual([
      { value: UNNAMED_LINK, removed: true, link: { documentId: VOORSTEL, sectionId: WONEN } },
      { value: UNNAMED_LINK, added: true, link: { documentId: VOORSTEL, sectionId: WATER } },
    ])
    expect(changed?.inserted).toBe(0)
  })

  it('keeps text that holds private-use characters as it is, apart from the links', () => {
    // Word pastes symbol-font bullets as private-use characters (U+F0B7): they must not become links.
    const { doc: start } = documentWith(id, ['\uE000 \uF0B7 punt'])
    const end = copyOf(start)
    appendLink(end, id, 'Zie ', WONEN)
    const [section] = compareSections(start, end)
    expect(section?.parts).toEqual([
      { value: 'Wonen\n\uE000 \uF0B7 punt' },
      { value: '\nZie ', added: true },
      { value: UNNAMED_LINK, added: true, link: { documentId: VOORSTEL, sectionId: WONEN } },
    ])
  })
})
