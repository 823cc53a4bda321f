import {
  type CommentAuthor,
  type CommentThread,
  commentsMap,
  createSection,
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
})
