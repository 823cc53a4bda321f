import { createSection, getSection, rankBetween, SECTION_KEYS, type SectionId, sectionsMap } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type SectionChange, sectionChange } from './sectionChange.ts'

const ID = 'sectie-a' as SectionId

/** The kinds of change the events of `change` report, and what Yjs's own `event.path` says about them. */
function observe(doc: Y.Doc, change: () => void): { kinds: SectionChange[]; paths: (string | number)[][] } {
  const sections = sectionsMap(doc)
  const kinds: SectionChange[] = []
  const paths: (string | number)[][] = []
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    for (const event of events) {
      kinds.push(sectionChange(event.target, sections))
      paths.push(event.path)
    }
  }
  sections.observeDeep(handler)
  doc.transact(change)
  sections.unobserveDeep(handler)
  return { kinds, paths }
}

function documentWithSection(): Y.Doc {
  const doc = new Y.Doc()
  createSection(doc, { id: ID, title: 'Wonen', rank: rankBetween(null, null), component: null, parent: null })
  return doc
}

describe('sectionChange', () => {
  it('tells a new section and a moved one (outline) from a title edit and from typing in the content', () => {
    const doc = documentWithSection()
    const section = getSection(doc, ID)
    if (!section) throw new Error('no section')
    expect(
      observe(doc, () =>
        createSection(doc, {
          id: 'sectie-b' as SectionId,
          title: 'Water',
          rank: rankBetween(section.rank, null),
          component: null,
          parent: null,
        }),
      ).kinds,
    ).toEqual(['outline'])
    expect(observe(doc, () => section.map.set(SECTION_KEYS.rank, rankBetween(null, section.rank))).kinds).toEqual([
      'outline',
    ])
    expect(observe(doc, () => section.title.insert(0, 'Duurzaam ')).kinds).toEqual(['title'])
    const paragraph = new Y.XmlElement('paragraph')
    expect(observe(doc, () => section.content.insert(0, [paragraph])).kinds).toEqual(['content'])
    const text = new Y.XmlText('')
    expect(observe(doc, () => paragraph.insert(0, [text])).kinds).toEqual(['content'])
    const typed = observe(doc, () => text.insert(0, 'woningbouw'))
    expect(typed.kinds).toEqual(['content'])
    // The same answer event.path gives, without computing it.
    expect(typed.paths[0]).toContain(SECTION_KEYS.content)
  })
})
