import {
  type CommentAuthor,
  type CommentThread,
  commentsMap,
  createSection,
  getSection,
  initialRanks,
  type SectionId,
  templateFor,
} from '@novex/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readiness } from './readiness.ts'

const author: CommentAuthor = {
  userId: 'u1',
  name: 'Bram Jansen',
  organisationId: 'provincie-noord-brabant',
  organisationName: 'Provincie Noord-Brabant',
  organisationKind: 'provincie',
}

function perspective(): { doc: Y.Doc; ids: Map<string, SectionId> } {
  const doc = new Y.Doc()
  const template = templateFor('ontwikkelperspectief')
  const ranks = initialRanks(template.length)
  const ids = new Map<string, SectionId>()
  doc.transact(() =>
    template.forEach((section, i) => {
      const id = createSection(doc, {
        title: section.title,
        rank: ranks[i] as (typeof ranks)[number],
        component: section.component,
        paragraphs: ['Tekst.'],
      })
      ids.set(section.component ?? '', id)
    }),
  )
  return { doc, ids }
}

const thread = (id: string, sectionId: string, openedAt: number, status: 'open' | 'resolved'): CommentThread => ({
  id,
  sectionId,
  anchor: { start: '', end: '' },
  quote: 'Tekst',
  round: null,
  carriedInto: [],
  status,
  openedBy: author,
  openedAt,
  resolvedBy: status === 'resolved' ? author : null,
  resolvedAt: status === 'resolved' ? openedAt + 1 : null,
  messages: [],
})

describe('readiness for the BO-MIRT', () => {
  it('counts the open reactions per component, links the oldest, and does not make them a condition', () => {
    const { doc, ids } = perspective()
    const keuzes = ids.get('ruimtelijke-keuzes') as string
    const map = commentsMap(doc)
    map.set('late', thread('late', keuzes, 300, 'open'))
    map.set('early', thread('early', keuzes, 100, 'open'))
    map.set('done', thread('done', keuzes, 50, 'resolved'))
    map.set('elsewhere', thread('elsewhere', ids.get('partners') as string, 200, 'resolved'))
    const result = readiness(doc, new Map())
    const row = (key: string) => result.components.find((c) => c.component === key)
    expect(row('ruimtelijke-keuzes')).toMatchObject({ openThreads: 2, openThreadId: 'early', locked: false })
    expect(row('partners')).toMatchObject({ openThreads: 0, openThreadId: null })
    expect(row('hoofdopgave')).toMatchObject({ present: true, nonEmpty: true, openThreads: 0, openThreadId: null })
    expect(result.ready).toBe(false)
  })

  // "Niet leeg" asks whether the component is written: a link to another section, with no words of its
  // own, is no text yet (docs/signoff.md). A map (described) or a sentence with a link is.
  it('counts a section holding only a section link as empty, and one with words around a link as not', () => {
    const { doc, ids } = perspective()
    const onlyLink = getSection(doc, ids.get('hoofdopgave') as SectionId)
    const withWords = getSection(doc, ids.get('partners') as SectionId)
    if (!onlyLink || !withWords) throw new Error('no sections')
    const link = (): Y.XmlElement => {
      const node = new Y.XmlElement('sectionLink')
      node.setAttribute('documentId', 'ruimtelijk-voorstel-noord-brabant')
      node.setAttribute('sectionId', withWords.id)
      return node
    }
    doc.transact(() => {
      onlyLink.content.delete(0, onlyLink.content.length)
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [link()])
      onlyLink.content.insert(0, [paragraph])
      const sentence = new Y.XmlElement('paragraph')
      sentence.insert(0, [new Y.XmlText('Zie '), link()])
      withWords.content.delete(0, withWords.content.length)
      withWords.content.insert(0, [sentence])
    })
    const row = (key: string) => readiness(doc, new Map()).components.find((c) => c.component === key)
    expect(row('hoofdopgave')).toMatchObject({ present: true, nonEmpty: false })
    expect(row('partners')).toMatchObject({ present: true, nonEmpty: true })
  })
})
