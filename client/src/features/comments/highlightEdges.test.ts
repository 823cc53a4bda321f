// Which local edits send the highlights back to Yjs: only those at a highlight's ends (or removing it),
// never plain typing elsewhere, which would cost every keystroke a second transaction.
import { Schema } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { describe, expect, it } from 'vitest'
import { editTouchesHighlightEdge } from './highlightEdges.ts'

const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: { content: 'text*', toDOM: () => ['p', 0] },
    text: {},
  },
})

const TEXT = 'alpha beta gamma'
// "beta": the paragraph's text starts at position 1.
const FROM = 1 + TEXT.indexOf('beta')
const TO = FROM + 'beta'.length

function touches(edit: (tr: Transaction) => Transaction): boolean {
  const state = EditorState.create({
    schema,
    doc: schema.node('doc', null, [schema.node('paragraph', null, [schema.text(TEXT)])]),
  })
  const before = DecorationSet.create(state.doc, [
    Decoration.inline(FROM, TO, { class: 'h' }, { inclusiveStart: false, inclusiveEnd: false }),
  ])
  const tr = edit(state.tr)
  return editTouchesHighlightEdge(tr.mapping, before, before.map(tr.mapping, tr.doc))
}

describe('editTouchesHighlightEdge', () => {
  it('leaves typing away from the highlight and inside it to the mapping', () => {
    expect(touches((tr) => tr.insertText('x', 3))).toBe(false)
    expect(touches((tr) => tr.insertText('x', TO + 3))).toBe(false)
    expect(touches((tr) => tr.insertText('x', FROM + 2))).toBe(false)
    expect(touches((tr) => tr.delete(FROM + 1, FROM + 2))).toBe(false)
    expect(touches((tr) => tr.delete(2, 4))).toBe(false)
  })

  it('sends an edit at either end of the highlight back to Yjs', () => {
    expect(touches((tr) => tr.insertText('x', FROM))).toBe(true)
    expect(touches((tr) => tr.insertText('x', TO))).toBe(true)
    expect(touches((tr) => tr.delete(FROM - 1, FROM))).toBe(true)
    expect(touches((tr) => tr.delete(TO, TO + 1))).toBe(true)
  })

  it('sends a selection across an end, typed over, back to Yjs', () => {
    expect(touches((tr) => tr.insertText('Y', FROM - 2, FROM + 2))).toBe(true)
    expect(touches((tr) => tr.insertText('Y', TO - 2, TO + 2))).toBe(true)
  })

  it('sends the deletion of the whole highlighted text back to Yjs', () => {
    expect(touches((tr) => tr.delete(FROM - 1, TO + 1))).toBe(true)
    expect(touches((tr) => tr.delete(FROM, TO))).toBe(true)
  })

  it('looks at every step of a transaction, each in the final positions', () => {
    expect(touches((tr) => tr.insertText('x', 2).insertText('y', 4))).toBe(false)
    expect(touches((tr) => tr.insertText('xyz', 2).insertText('y', FROM + 3))).toBe(true)
  })
})
