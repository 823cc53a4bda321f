import { type CommentAuthor, commentsMap, createSection, getSection, initialRanks, type SectionId } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkAnchor, paragraphText } from '../comments/anchors.ts'
import { addSchuurpunt, SCHUURPUNT_QUOTE } from './demoThread.ts'
import { PERSPECTIVE_TEXTS } from './perspectiveTexts.ts'

const person = (userId: string, organisationName: string): CommentAuthor => ({
  userId,
  name: userId,
  organisationId: organisationName.toLowerCase(),
  organisationName,
  organisationKind: organisationName.startsWith('Provincie') ? 'provincie' : 'rijk',
})
const people = { province: person('bram', 'Provincie Noord-Brabant'), rijk: person('anne', 'Ministerie van LVVN') }

function perspective(paragraphs: readonly string[]): Y.Doc {
  const doc = new Y.Doc()
  const [first, second] = initialRanks(2)
  if (first === undefined || second === undefined) throw new Error('no ranks')
  doc.transact(() => {
    createSection(doc, { title: 'Hoofdopgave', rank: first, component: 'hoofdopgave', paragraphs: ['Tekst.'] })
    createSection(doc, { title: 'Keuzes', rank: second, component: 'ruimtelijke-keuzes', paragraphs })
  })
  return doc
}

describe("the demo's friction point", () => {
  it('is an open thread by the province, answered by the Rijk, anchored on the sentence it quotes', () => {
    const doc = perspective(PERSPECTIVE_TEXTS['de-peel']?.['ruimtelijke-keuzes'] ?? [])
    expect(addSchuurpunt(doc, people, 1_000_000)).toBe(true)
    const threads = [...commentsMap(doc).values()]
    expect(threads).toHaveLength(1)
    const [thread] = threads
    if (thread === undefined) throw new Error('no thread')
    expect(thread).toMatchObject({ status: 'open', round: null, quote: SCHUURPUNT_QUOTE, openedBy: people.province })
    expect(thread.messages.map((m) => m.author.userId)).toEqual(['bram', 'anne'])
    expect(thread.messages[0]?.body).toMatch(/^Schuurpunt met ons ruimtelijk voorstel/)
    // The anchor is what the server checks for every thread: inside the section, over exactly the quote.
    const section = getSection(doc, thread.sectionId as SectionId)
    if (section === null) throw new Error('no section')
    expect(section.component).toBe('ruimtelijke-keuzes')
    const range = checkAnchor(doc, section, thread.anchor)
    expect(paragraphText(range.start, range.end)).toBe(SCHUURPUNT_QUOTE)
  })

  it('is left out when the demo text no longer has the sentence', () => {
    const doc = perspective(['Een andere keuze.'])
    expect(addSchuurpunt(doc, people, 1)).toBe(false)
    expect(commentsMap(doc).size).toBe(0)
  })
})
