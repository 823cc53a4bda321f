// A section's text with its links in place. A version comparison read the text without them
// (sectionPlainText), so "Zie ook [link]." showed as "[toegevoegd: Zie ook .]": the cross-reference a
// reviewer must check was gone. sectionPlainText keeps its meaning for its other readers.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newSectionId } from '../ids.ts'
import { SECTION_LINK_ATTRS, SECTION_LINK_NODE } from '../links/sectionLink.ts'
import { appendSection, getSection, type SectionView, sectionPlainText, sectionTextRuns } from './schema.ts'

const VOORSTEL = 'ruimtelijk-voorstel-noord-brabant'

function section(build: (content: Y.XmlFragment) => void): SectionView {
  const doc = new Y.Doc()
  const id = appendSection(doc, { title: 'Hoofdopgave' })
  const view = getSection(doc, id)
  if (!view) throw new Error('no section')
  build(view.content)
  return view
}

function link(documentId: unknown, sectionId: unknown): Y.XmlElement {
  const node = new Y.XmlElement(SECTION_LINK_NODE)
  if (documentId !== undefined) node.setAttribute(SECTION_LINK_ATTRS.documentId, documentId as string)
  if (sectionId !== undefined) node.setAttribute(SECTION_LINK_ATTRS.sectionId, sectionId as string)
  return node
}

function paragraph(...children: (string | Y.XmlElement)[]): Y.XmlElement {
  const p = new Y.XmlElement('paragraph')
  p.insert(
    0,
    children.map((c) => (typeof c === 'string' ? new Y.XmlText(c) : c)),
  )
  return p
}

describe('the text of a section with its links', () => {
  const target = newSectionId()
  const other = newSectionId()

  it('keeps each link in its place between the text around it', () => {
    const view = section((content) =>
      content.push([
        paragraph('Woningen krijgen ruimte in de overgangszone.'),
        paragraph('Zie ook ', link(VOORSTEL, target), '.'),
      ]),
    )
    expect(sectionTextRuns(view)).toEqual([
      'Woningen krijgen ruimte in de overgangszone.\nZie ook ',
      { documentId: VOORSTEL, sectionId: target },
      '.',
    ])
    // Without links, as before: the link holds no text.
    expect(sectionPlainText(view)).toBe('Woningen krijgen ruimte in de overgangszone.\nZie ook .')
  })

  it('trims the ends as sectionPlainText does, also when a link stands first or last', () => {
    const view = section((content) =>
      content.push([
        paragraph(link(VOORSTEL, target), ' en '),
        paragraph('Zie ', link('ontwikkelperspectief-de-peel', other)),
      ]),
    )
    expect(sectionTextRuns(view)).toEqual([
      { documentId: VOORSTEL, sectionId: target },
      ' en \nZie ',
      { documentId: 'ontwikkelperspectief-de-peel', sectionId: other },
    ])
    expect(sectionPlainText(view)).toBe('en \nZie')
  })

  it('reads images and lists as sectionPlainText does', () => {
    const view = section((content) => {
      const image = new Y.XmlElement('image')
      image.setAttribute('alt', 'Kaart van De Peel')
      const list = new Y.XmlElement('bulletList')
      const item = new Y.XmlElement('listItem')
      item.insert(0, [paragraph('Punt ', link(VOORSTEL, target))])
      list.insert(0, [item])
      content.push([image, list])
    })
    // The line breaks after the list item are the end of the text: trimmed.
    expect(sectionTextRuns(view)).toEqual([
      '[Afbeelding: Kaart van De Peel]\nPunt ',
      { documentId: VOORSTEL, sectionId: target },
    ])
  })

  it('reads a link without a valid target as nothing, and an empty section as no runs', () => {
    const view = section((content) =>
      content.push([paragraph('Zie ', link(undefined, target), link(VOORSTEL, 'geen sectie'), 'hier.')]),
    )
    expect(sectionTextRuns(view)).toEqual(['Zie hier.'])
    expect(sectionTextRuns(section(() => undefined))).toEqual([])
    expect(sectionTextRuns(section((content) => content.push([paragraph('  ')])))).toEqual([])
  })
})
