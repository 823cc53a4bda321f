import { appendSection, orderedSections } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { unsavedSections } from './unsavedText.ts'

/** A paragraph with `text` appended to a section's content. */
function appendParagraph(fragment: Y.XmlFragment, text: string): void {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  fragment.insert(fragment.length, [p])
}

describe('unsavedSections', () => {
  it('lists only what was added after the confirmed state, per section in order, title included', () => {
    const server = new Y.Doc()
    appendSection(server, { title: 'De hoofdopgave' })
    appendSection(server, { title: 'Toekomstbestendig' })
    const [first, second] = orderedSections(server)
    if (!first || !second) throw new Error('template without sections')
    appendParagraph(first.content, 'Al opgeslagen.')

    const page = new Y.Doc()
    Y.applyUpdate(page, Y.encodeStateAsUpdate(server))
    const confirmed = Y.decodeStateVector(Y.encodeStateVector(page))
    expect(unsavedSections(page, confirmed)).toEqual([])

    const [pageFirst, pageSecond] = orderedSections(page)
    if (!pageFirst || !pageSecond) throw new Error('sections missing')
    appendParagraph(pageSecond.content, 'Nog niet opgeslagen.')
    pageFirst.title.insert(pageFirst.title.length, ' (herzien)')

    expect(unsavedSections(page, confirmed)).toEqual([
      { sectionId: pageFirst.id, title: `${first.title.toString()} (herzien)`, titleText: '(herzien)', text: '' },
      { sectionId: pageSecond.id, title: second.title.toString(), titleText: '', text: 'Nog niet opgeslagen.' },
    ])
    // Once the server confirms it, nothing is left.
    expect(unsavedSections(page, Y.decodeStateVector(Y.encodeStateVector(page)))).toEqual([])
  })
})
