// Anchors follow the text: built from a ProseMirror range through y-tiptap's binding mapping, then
// resolved again after Yjs edits around and inside the range (a fresh state per change, as the
// editor's binding would have after rendering the change).
import { Schema } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { initProseMirrorDoc, ySyncPlugin } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anchorFromRange, decodeRelativePosition, resolveAnchor, syncBinding } from './anchors.ts'

const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: { content: 'text*', toDOM: () => ['p', 0] },
    text: {},
  },
})

function fragmentWith(...paragraphs: string[]): { fragment: Y.XmlFragment; texts: Y.XmlText[] } {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('content')
  const texts = paragraphs.map((p) => new Y.XmlText(p))
  fragment.insert(
    0,
    texts.map((t) => {
      const element = new Y.XmlElement('paragraph')
      element.insert(0, [t])
      return element
    }),
  )
  return { fragment, texts }
}

function stateOf(fragment: Y.XmlFragment): EditorState {
  const { doc, mapping } = initProseMirrorDoc(fragment, schema)
  return EditorState.create({ schema, doc, plugins: [ySyncPlugin(fragment, { mapping })] })
}

/** The ProseMirror range of `word` in the first paragraph (its text starts at position 1). */
function rangeOf(state: EditorState, word: string): { from: number; to: number } {
  const at = state.doc.textBetween(0, state.doc.content.size, '\n').indexOf(word)
  return { from: 1 + at, to: 1 + at + word.length }
}

function quoteAt(fragment: Y.XmlFragment, anchor: { start: string; end: string }): string | null {
  const state = stateOf(fragment)
  const binding = syncBinding(state)
  if (binding === null) throw new Error('binding not ready')
  const place = resolveAnchor(state, binding, anchor)
  return place.kind === 'range' ? state.doc.textBetween(place.from, place.to, '\n') : null
}

describe('comment anchors', () => {
  it('resolve a range that starts at the very first character of the section', () => {
    const { fragment, texts } = fragmentWith('Hallo wereld, dit is tekst')
    const text = texts[0] as Y.XmlText
    const encode = (p: Y.RelativePosition) => btoa(String.fromCharCode(...Y.encodeRelativePosition(p)))
    const anchor = {
      start: encode(Y.createRelativePositionFromTypeIndex(text, 0, 0)),
      end: encode(Y.createRelativePositionFromTypeIndex(text, 5, -1)),
    }
    expect(quoteAt(fragment, anchor)).toBe('Hallo')
    text.insert(0, 'Ja. ')
    expect(quoteAt(fragment, anchor)).toBe('Hallo')
  })

  it('encode the start with assoc 0 and the end with assoc -1', () => {
    const { fragment } = fragmentWith('Hallo wereld, dit is tekst')
    const state = stateOf(fragment)
    const { from, to } = rangeOf(state, 'wereld')
    const anchor = anchorFromRange(state, from, to)
    expect(anchor).not.toBeNull()
    expect(decodeRelativePosition(anchor?.start ?? '')?.assoc).toBe(0)
    expect(decodeRelativePosition(anchor?.end ?? '')?.assoc).toBe(-1)
  })

  it('follow inserts before, at the edges of and inside the range, and deletes around it', () => {
    const { fragment, texts } = fragmentWith('Hallo wereld, dit is tekst')
    const state = stateOf(fragment)
    const { from, to } = rangeOf(state, 'wereld')
    const anchor = anchorFromRange(state, from, to)
    if (anchor === null) throw new Error('no anchor')
    const text = texts[0] as Y.XmlText
    text.insert(0, 'Zeg, ')
    expect(quoteAt(fragment, anchor)).toBe('wereld')
    // Typing right before or right after the range does not join it.
    text.insert('Zeg, Hallo '.length, 'grote ')
    text.insert('Zeg, Hallo grote wereld'.length, 'je')
    expect(quoteAt(fragment, anchor)).toBe('wereld')
    // Typing inside does.
    text.insert('Zeg, Hallo grote wer'.length, 'WER')
    expect(quoteAt(fragment, anchor)).toBe('werWEReld')
    text.delete(0, 'Zeg, Hallo '.length)
    expect(quoteAt(fragment, anchor)).toBe('werWEReld')
  })

  it('resolve to deleted when the text is gone, also with the paragraph boundaries left', () => {
    const { fragment, texts } = fragmentWith('Eerste alinea.', 'Tweede alinea.')
    const state = stateOf(fragment)
    const full = state.doc.textBetween(0, state.doc.content.size, '\n')
    expect(full).toBe('Eerste alinea.\nTweede alinea.')
    // From "alinea." in the first paragraph to "Tweede" in the second (the second starts at 17).
    const anchor = anchorFromRange(state, 1 + 'Eerste '.length, 17 + 'Tweede'.length)
    if (anchor === null) throw new Error('no anchor')
    expect(quoteAt(fragment, anchor)).toBe('alinea.\nTweede')
    ;(texts[0] as Y.XmlText).delete('Eerste '.length, 'alinea.'.length)
    ;(texts[1] as Y.XmlText).delete(0, 'Tweede'.length)
    expect(quoteAt(fragment, anchor)).toBeNull()
  })

  it('stay deleted when this page undoes the deletion, as on every page that did not', () => {
    const { fragment, texts } = fragmentWith('Hallo wereld, dit is tekst')
    const text = texts[0] as Y.XmlText
    const { from, to } = rangeOf(stateOf(fragment), 'wereld')
    const anchor = anchorFromRange(stateOf(fragment), from, to)
    if (anchor === null) throw new Error('no anchor')
    const undo = new Y.UndoManager(fragment)
    text.delete('Hallo '.length, 'wereld'.length)
    expect(quoteAt(fragment, anchor)).toBeNull()
    undo.undo()
    expect(text.toString()).toBe('Hallo wereld, dit is tekst')
    // The restored text is a copy that only this page's UndoManager links to the deleted one; the server
    // and the other pages see a deleted anchor, and so must this page.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(fragment.doc as Y.Doc))
    expect(quoteAt(other.getXmlFragment('content'), anchor)).toBeNull()
    expect(quoteAt(fragment, anchor)).toBeNull()
  })

  it('is not ready before the binding has rendered a non-empty fragment', () => {
    const { fragment } = fragmentWith('Tekst')
    const state = EditorState.create({ schema, plugins: [ySyncPlugin(fragment)] })
    expect(syncBinding(state)).toBeNull()
    expect(anchorFromRange(state, 1, 3)).toBeNull()
  })
})
