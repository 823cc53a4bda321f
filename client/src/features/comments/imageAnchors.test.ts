// A comment on a map: anchored to the image's own Yjs element, so it stays on the map while text is
// written before and after it (by anyone), quotes the map's description, and reads as deleted once the
// map is removed. Built from ProseMirror ranges through y-tiptap's binding, as the editor does.
import { Schema } from '@tiptap/pm/model'
import { EditorState, NodeSelection } from '@tiptap/pm/state'
import { initProseMirrorDoc, ySyncPlugin } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anchorFromRange, resolveAnchor, syncBinding } from './anchors.ts'
import { hasContent, imagesIn, rangeText, selectionOf } from './commentRange.ts'

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'text*', toDOM: () => ['p', 0] },
    image: {
      group: 'block',
      atom: true,
      attrs: { src: { default: null }, alt: { default: null } },
      toDOM: (node) => ['img', { src: node.attrs.src, alt: node.attrs.alt }],
    },
    text: {},
  },
})

type Part = string | { readonly image: string }

/** A section's content fragment: a paragraph per string, an image per { image: alt }. */
function fragmentWith(...parts: Part[]): { fragment: Y.XmlFragment; elements: Y.XmlElement[] } {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('content')
  const elements = parts.map((part) => {
    if (typeof part === 'string') {
      const element = new Y.XmlElement('paragraph')
      element.insert(0, [new Y.XmlText(part)])
      return element
    }
    const element = new Y.XmlElement('image')
    element.setAttribute('src', '/api/documents/d/images/x')
    element.setAttribute('alt', part.image)
    return element
  })
  fragment.insert(0, elements)
  return { fragment, elements }
}

function stateOf(fragment: Y.XmlFragment): EditorState {
  const { doc, mapping } = initProseMirrorDoc(fragment, schema)
  return EditorState.create({ schema, doc, plugins: [ySyncPlugin(fragment, { mapping })] })
}

/** The position of the n-th image of the state's document. */
function imageAt(state: EditorState, n = 0): number {
  const found = imagesIn(state.doc, 0, state.doc.content.size)[n]
  if (found === undefined) throw new Error('no image')
  return found
}

function anchorOnImage(fragment: Y.XmlFragment): { start: string; end: string } {
  const state = stateOf(fragment)
  const at = imageAt(state)
  const anchor = anchorFromRange(state, at, at + 1)
  if (anchor === null) throw new Error('no anchor')
  return anchor
}

function quoteAt(fragment: Y.XmlFragment, anchor: { start: string; end: string }): string | null {
  const state = stateOf(fragment)
  const binding = syncBinding(state)
  if (binding === null) throw new Error('binding not ready')
  const place = resolveAnchor(state, binding, anchor)
  return place.kind === 'range' ? rangeText(state.doc, place.from, place.to) : null
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

describe('a comment on an image', () => {
  it('quotes the map by its description and stays on it while paragraphs come and go around it', () => {
    const { fragment, elements } = fragmentWith('Inleiding.', { image: 'Kaart van de regio' }, 'Toelichting.')
    const anchor = anchorOnImage(fragment)
    expect(quoteAt(fragment, anchor)).toBe('[Afbeelding: Kaart van de regio]')
    // A paragraph written before, and one right after the map: the anchor stays on the map alone.
    fragment.insert(0, [paragraph('Nieuw begin.')])
    fragment.insert(3, [paragraph('Direct onder de kaart.')])
    expect(quoteAt(fragment, anchor)).toBe('[Afbeelding: Kaart van de regio]')
    // Text typed at the end of the paragraph above does not join it either.
    ;((elements[0] as Y.XmlElement).get(0) as Y.XmlText).insert('Inleiding.'.length, ' Meer.')
    expect(quoteAt(fragment, anchor)).toBe('[Afbeelding: Kaart van de regio]')
  })

  it('resolves a map that is the very first and the very last block of the section', () => {
    const first = fragmentWith({ image: 'Eerste kaart' }, 'Tekst.')
    const anchorFirst = anchorOnImage(first.fragment)
    first.fragment.insert(0, [paragraph('Ervoor.')])
    expect(quoteAt(first.fragment, anchorFirst)).toBe('[Afbeelding: Eerste kaart]')

    const last = fragmentWith('Tekst.', { image: 'Laatste kaart' })
    const anchorLast = anchorOnImage(last.fragment)
    last.fragment.insert(2, [paragraph('Erna.')])
    expect(quoteAt(last.fragment, anchorLast)).toBe('[Afbeelding: Laatste kaart]')
  })

  it('reads as deleted once the map is removed, though paragraphs stay around its place', () => {
    const { fragment } = fragmentWith('Boven.', { image: 'Kaart' }, 'Onder.')
    const anchor = anchorOnImage(fragment)
    fragment.delete(1, 1)
    expect(quoteAt(fragment, anchor)).toBeNull()
  })

  it('keeps a range of text that ends with a map: both the words and the map', () => {
    const { fragment } = fragmentWith('Zie de kaart hieronder', { image: 'Kaart' }, 'Verder.')
    const state = stateOf(fragment)
    const at = imageAt(state)
    const anchor = anchorFromRange(state, 1 + 'Zie de '.length, at + 1)
    if (anchor === null) throw new Error('no anchor')
    expect(quoteAt(fragment, anchor)).toBe('kaart hieronder\n[Afbeelding: Kaart]')
    fragment.insert(2, [paragraph('Ingevoegd.')])
    expect(quoteAt(fragment, anchor)).toBe('kaart hieronder\n[Afbeelding: Kaart]')
  })

  it('counts a map as content, selects it as a node, and a range of only block edges as empty', () => {
    const { fragment } = fragmentWith('Tekst.', { image: 'Kaart' })
    const state = stateOf(fragment)
    const at = imageAt(state)
    expect(hasContent(state.doc, at, at + 1)).toBe(true)
    expect(hasContent(state.doc, at, at)).toBe(false)
    expect(selectionOf(state.doc, at, at + 1)).toBeInstanceOf(NodeSelection)
    expect(selectionOf(state.doc, 1, 4)).not.toBeInstanceOf(NodeSelection)
    const empty = fragmentWith('', 'Tekst.')
    const emptyState = stateOf(empty.fragment)
    // From the start of the empty paragraph to the start of the next one: only boundaries.
    expect(hasContent(emptyState.doc, 1, 3)).toBe(false)
  })
})
