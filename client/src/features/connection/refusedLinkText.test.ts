import { appendSection, orderedSections, type SectionId } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addedText } from '../../collab/addedText.ts'
import { createI18n } from '../../i18n/createI18n.ts'
import { withLinkNames } from './refusedLinkText.ts'
import { textToCopy } from './refusedTextToCopy.ts'

const nl = createI18n('nl').getFixedT('nl', 'connection')
const en = createI18n('en').getFixedT('en', 'connection')

const OTHER_DOCUMENT = 'ruimtelijk-voorstel-noord-brabant'
const OTHER_SECTION = 'a1b2c3d4e5f6a7b8c9d0'

function sectionLink(documentId: string, sectionId: string): Y.XmlElement {
  const link = new Y.XmlElement('sectionLink')
  link.setAttribute('documentId', documentId)
  link.setAttribute('sectionId', sectionId)
  return link
}

/** A document with two sections, the first holding one paragraph, and the state the server knows. */
function world() {
  const doc = new Y.Doc()
  const first = appendSection(doc, { title: 'Hoofdopgave', paragraphs: ['Bestaande tekst.'] })
  const second = appendSection(doc, { title: 'Ruimtelijke keuzes', paragraphs: [] })
  const known = Y.decodeStateVector(Y.encodeStateVector(doc))
  const content = (id: SectionId) => {
    const found = orderedSections(doc).find((s) => s.id === id)
    if (!found) throw new Error('no section')
    return found.content
  }
  return { doc, first, second, known, content }
}

describe('a section link in refused text', () => {
  it('is named where a change only added a link, instead of leaving nothing to show', () => {
    const { first, second, known, content } = world()
    const paragraph = content(first).get(0) as Y.XmlElement
    paragraph.insert(paragraph.length, [sectionLink('ontwikkelperspectief-de-peel', second)])
    const text = addedText(content(first), known)
    expect(text).not.toBe('')
    expect(withLinkNames(nl, text)).toBe('[koppeling: § 2 Ruimtelijke keuzes]')
    expect(withLinkNames(en, text)).toBe('[link: § 2 Ruimtelijke keuzes]')
  })

  it('keeps the words typed around a link with it, and names a target in another document as such', () => {
    const { first, known, content } = world()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [
      new Y.XmlText('Zie ook '),
      sectionLink(OTHER_DOCUMENT, OTHER_SECTION),
      new Y.XmlText(' voor de kaart.'),
    ])
    content(first).push([paragraph])
    const text = addedText(content(first), known)
    expect(withLinkNames(nl, text)).toBe('Zie ook [koppeling: een sectie van een ander document] voor de kaart.')
    // Copied in the page's language; the words typed stay as they were typed.
    expect(textToCopy(en, [{ title: 'Hoofdopgave', titleText: '', text }])).toBe(
      'Zie ook [link: a section of another document] voor de kaart.',
    )
  })

  it('names a target in another document by what the page knows of it (picked here, or linked before)', () => {
    const { first, known, content } = world()
    const paragraph = content(first).get(0) as Y.XmlElement
    paragraph.insert(paragraph.length, [sectionLink(OTHER_DOCUMENT, OTHER_SECTION)])
    const text = addedText(content(first), known)
    const targets = (documentId: string, sectionId: string) =>
      documentId === OTHER_DOCUMENT && sectionId === OTHER_SECTION
        ? { number: '4', title: 'Wonen en verstedelijking', documentTitle: 'Ruimtelijk voorstel Noord-Brabant' }
        : undefined
    expect(withLinkNames(nl, text, targets)).toBe(
      '[koppeling: § 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant)]',
    )
    expect(textToCopy(en, [{ title: 'Hoofdopgave', titleText: '', text }], targets)).toBe(
      '[link: § 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant)]',
    )
    // Another target stays "a section of another document".
    expect(withLinkNames(nl, text, () => undefined)).toBe('[koppeling: een sectie van een ander document]')
  })

  it('leaves a link that was already there out, as older text', () => {
    const doc = new Y.Doc()
    const first = appendSection(doc, { title: 'Hoofdopgave', paragraphs: ['Oud '] })
    const content = orderedSections(doc).find((s) => s.id === first)?.content as Y.XmlFragment
    const paragraph = content.get(0) as Y.XmlElement
    paragraph.insert(paragraph.length, [sectionLink(OTHER_DOCUMENT, OTHER_SECTION)])
    const known = Y.decodeStateVector(Y.encodeStateVector(doc))
    paragraph.insert(paragraph.length, [new Y.XmlText(' nieuw.')])
    expect(withLinkNames(nl, addedText(content, known))).toBe('nieuw.')
  })
})
