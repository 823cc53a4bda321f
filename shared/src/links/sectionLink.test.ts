import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newSectionId, type SectionId } from '../ids.ts'
import { appendSection, getSection, sectionsMap } from '../ydoc/schema.ts'
import { findSectionLinks, SECTION_LINK_ATTRS, SECTION_LINK_NODE } from './sectionLink.ts'

const TARGET_DOCUMENT = 'voorstel-noord-brabant'

/** A section whose one paragraph says `before`, then links to `target`. */
function sectionLinkingTo(doc: Y.Doc, title: string, before: string, target: SectionId): SectionId {
  const id = appendSection(doc, { title, paragraphs: [] })
  const paragraph = new Y.XmlElement('paragraph')
  const link = new Y.XmlElement(SECTION_LINK_NODE)
  link.setAttribute(SECTION_LINK_ATTRS.documentId, TARGET_DOCUMENT)
  link.setAttribute(SECTION_LINK_ATTRS.sectionId, target)
  paragraph.insert(0, [new Y.XmlText(before), link])
  getSection(doc, id)?.content.insert(0, [paragraph])
  return id
}

describe('findSectionLinks', () => {
  const doc = new Y.Doc()
  const targetA = newSectionId()
  const targetB = newSectionId()
  const first = sectionLinkingTo(doc, 'Opgave', 'Zie ', targetA)
  const second = sectionLinkingTo(doc, 'Ambitie', 'Volgt uit ', targetB)

  it('finds the links of every section when no sections are named', () => {
    const found = findSectionLinks(doc)
    expect(found.map((l) => [l.sourceSectionId, l.targetSectionId, l.context])).toEqual([
      [first, targetA, 'Zie […]'],
      [second, targetB, 'Volgt uit […]'],
    ])
  })

  it('reads only the named sections, and passes over names that are no (well-formed) section', () => {
    const broken = newSectionId()
    sectionsMap(doc).set(broken, new Y.Map<unknown>())
    const found = findSectionLinks(doc, new Set([second, broken, newSectionId()]))
    expect(found.map((l) => [l.sourceSectionId, l.targetDocumentId, l.targetSectionId])).toEqual([
      [second, TARGET_DOCUMENT, targetB],
    ])
  })
})
