// One page repairs a table two people changed at once: the table plugin's repair is kept only after a
// change made on this page (a repair of a change from Yjs would never reach the shared document), and
// only where `mayRepair` says so: the page with the lowest client id of those in the section.
import { getSchema } from '@tiptap/core'
import type { Node as PmNode, Schema } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { tableEditing } from '@tiptap/pm/tables'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { contentSchemaExtensions } from './contentSchema.ts'
import { cameFromYjs, repairingOnce, repairsHere } from './localTableFixes.ts'

const schema: Schema = getSchema(contentSchemaExtensions())

function node(type: string, content: PmNode | PmNode[] | undefined): PmNode {
  const created = schema.nodes[type]?.create(null, content)
  if (!created) throw new Error(`no ${type}`)
  return created
}

const cell = (text: string): PmNode => node('tableCell', node('paragraph', schema.text(text)))

/** A table whose last row is one cell short, as after a column and a row were added at once. */
const raggedDoc = (): PmNode =>
  node(
    'doc',
    node('table', [node('tableRow', [cell('a'), cell('b'), cell('c')]), node('tableRow', [cell('d'), cell('e')])]),
  )

const rowLengths = (doc: PmNode): number[] => {
  const lengths: number[] = []
  doc.descendants((child) => {
    if (child.type.name === 'tableRow') lengths.push(child.childCount)
    return child.type.name !== 'tableRow'
  })
  return lengths
}

/** Types a letter into the first cell (as this page or from Yjs) and returns the row lengths after it. */
function typeInTable(mayRepair: boolean, fromYjs = false): number[] {
  const plugin = repairingOnce(tableEditing(), { mayRepair: () => mayRepair })
  const state = EditorState.create({ schema, doc: raggedDoc(), plugins: [plugin] })
  const tr = state.tr.insertText('x', 4)
  if (fromYjs) tr.setMeta(ySyncPluginKey, { isChangeOrigin: true })
  return rowLengths(state.apply(tr).doc)
}

describe('one page repairs a table', () => {
  it('pads the short row after its own change where it may repair, never after a change from Yjs', () => {
    expect(typeInTable(true)).toEqual([3, 3])
    expect(typeInTable(true, true)).toEqual([3, 2])
  })

  it('leaves the short row where it may not', () => {
    expect(typeInTable(false)).toEqual([3, 2])
    expect(typeInTable(false, true)).toEqual([3, 2])
  })

  it('knows a change from Yjs also through a transaction appended to it', () => {
    const state = EditorState.create({ schema, doc: raggedDoc() })
    const root = state.tr.insertText('x', 4).setMeta(ySyncPluginKey, { isChangeOrigin: true })
    expect(cameFromYjs(root)).toBe(true)
    expect(cameFromYjs(state.tr.setMeta('appendedTransaction', root))).toBe(true)
    expect(cameFromYjs(state.tr.insertText('y', 4))).toBe(false)
    expect(cameFromYjs(state.tr.setMeta(ySyncPluginKey, { isChangeOrigin: false }))).toBe(false)
  })

  it('lets the page with the lowest id of those editing the section repair, and no page elsewhere', () => {
    const states = new Map<number, Record<string, unknown>>([
      [5, { section: 'b', editsSection: 'b' }],
      [9, { section: 'a', editsSection: 'a' }],
      [12, { section: 'a', editsSection: 'a' }],
      // A reader in the section: it cannot write a repair, so it does not hold one up.
      [2, { section: 'a', editsSection: null }],
      [3, {}],
    ])
    expect(repairsHere(states, 9, 'a')).toBe(true)
    expect(repairsHere(states, 12, 'a')).toBe(false)
    expect(repairsHere(states, 5, 'b')).toBe(true)
    // Not in the section (or no presence yet): someone who is repairs it.
    expect(repairsHere(states, 5, 'a')).toBe(false)
    expect(repairsHere(states, 3, 'a')).toBe(false)
    expect(repairsHere(states, 2, 'a')).toBe(false)
    expect(repairsHere(states, 42, 'a')).toBe(false)
  })
})
