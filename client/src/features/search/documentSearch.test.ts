import { getSchema } from '@tiptap/core'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { search } from 'prosemirror-search'
import { describe, expect, it, vi } from 'vitest'
import { contentSchemaExtensions } from '../../editor/contentSchema.ts'
import {
  allMatches,
  createMatchCache,
  indexOf,
  MAX_MATCHES,
  queryFor,
  replaceEverywhere,
  replaceOne,
  type SearchTarget,
  select,
  showQuery,
  step,
} from './documentSearch.ts'

const schema = getSchema(contentSchemaExtensions())

/** A section editor without a view: its state, its paragraphs' text, and whether it may change. */
function section(paragraphs: string[], mayChange = true): SearchTarget & { text(): string[] } {
  const doc = schema.node(
    'doc',
    null,
    paragraphs.map((p) => schema.node('paragraph', null, p === '' ? [] : [schema.text(p)])),
  )
  let state = EditorState.create({ schema, doc, plugins: [search()] })
  return {
    state: () => state,
    dispatch: (tr: Transaction) => {
      state = state.apply(tr)
    },
    mayChange: () => mayChange,
    text: () => {
      const out: string[] = []
      state.doc.forEach((node) => {
        out.push(node.textContent)
      })
      return out
    },
  }
}

const input = (search: string, replace = '', more: Partial<{ caseSensitive: boolean; wholeWord: boolean }> = {}) =>
  queryFor({ search, replace, caseSensitive: false, wholeWord: false, ...more })

describe('finding across sections', () => {
  it('lists matches in page order: section by section, position by position', () => {
    const targets = [section(['De Peel en de peel.']), section(['Geen.']), section(['Peelvenen'])]
    const matches = allMatches(targets, input('peel'))
    expect(matches.map((m) => [m.target, m.from])).toEqual([
      [0, 4],
      [0, 15],
      [2, 1],
    ])
    expect(allMatches(targets, input('peel', '', { caseSensitive: true }))).toHaveLength(1)
    expect(allMatches(targets, input('peel', '', { wholeWord: true }))).toHaveLength(2)
  })

  it('takes the search text literally: no patterns, no escapes', () => {
    const targets = [section(['Kosten: 1.5 mln (a+b) \\n.'])]
    expect(allMatches(targets, input('(a+b)'))).toHaveLength(1)
    expect(allMatches(targets, input('1.5'))).toHaveLength(1)
    expect(allMatches(targets, input('1x5'))).toHaveLength(0)
    expect(allMatches(targets, input('\\n'))).toHaveLength(1)
  })

  it('goes to the next and previous match, wrapping around the document', () => {
    const targets = [section(['a b a']), section(['a'])]
    const matches = allMatches(targets, input('a'))
    expect(step(matches, null, 1)).toEqual(matches[0])
    expect(step(matches, null, -1)).toEqual(matches[2])
    expect(step(matches, matches[1] ?? null, 1)).toEqual(matches[2])
    expect(step(matches, matches[2] ?? null, 1)).toEqual(matches[0])
    expect(step(matches, matches[0] ?? null, -1)).toEqual(matches[2])
    expect(indexOf(matches, matches[1] ?? null)).toBe(1)
    expect(step([], null, 1)).toBeNull()
  })

  it('counts no further than MAX_MATCHES', () => {
    const targets = [section(['e'.repeat(MAX_MATCHES + 10)])]
    expect(allMatches(targets, input('e'))).toHaveLength(MAX_MATCHES)
  })

  it('searches again only the sections whose text changed since the last search, and counts as far as asked', () => {
    const targets = [section(['Peel en Peel']), section(['de Peel'])]
    const query = input('peel')
    const cache = createMatchCache()
    const findNext = vi.spyOn(query, 'findNext')
    expect(allMatches(targets, query, cache)).toEqual(allMatches(targets, input('peel')))
    const searched = findNext.mock.calls.length
    // Someone types in the second section; the first one's text is the same node as before.
    const second = targets[1]
    second?.dispatch(second.state().tr.insertText('Peel ', 1))
    findNext.mockClear()
    const after = allMatches(targets, query, cache)
    expect(after).toEqual(allMatches(targets, input('peel')))
    expect(after.map((m) => m.target)).toEqual([0, 0, 1, 1])
    expect(findNext.mock.calls.length).toBeLessThan(searched)
    expect(findNext.mock.calls.length).toBeGreaterThan(0)
    // Only the selection moved: nothing is searched again.
    second?.dispatch(second.state().tr.setSelection(TextSelection.create(second.state().doc, 3)))
    findNext.mockClear()
    expect(allMatches(targets, query, cache)).toEqual(after)
    expect(findNext).not.toHaveBeenCalled()
    // Another query, or more than was counted before, is searched for.
    expect(allMatches(targets, input('en'), cache)).toHaveLength(1)
    const many = section(['e'.repeat(MAX_MATCHES + 10)])
    const counted = createMatchCache()
    expect(counted.matchesIn(many.state(), input('e'), 3)).toHaveLength(3)
    expect(allMatches([many], input('e'), counted)).toHaveLength(MAX_MATCHES)
  })

  it('selects the match, and unselects the previous one in another section', () => {
    const targets = [section(['Peel']), section(['Peel'])]
    const [first, second] = allMatches(targets, input('peel'))
    if (!first || !second) throw new Error('two matches expected')
    select(targets, first, null)
    expect(targets[0]?.state().selection.from).toBe(first.from)
    expect(targets[0]?.state().selection.to).toBe(first.to)
    select(targets, second, first)
    expect(targets[0]?.state().selection.empty).toBe(true)
    expect(targets[1]?.state().selection.to).toBe(second.to)
  })

  it('sets the query in every editor and clears it again', () => {
    const targets = [section(['x']), section(['y'])]
    showQuery(targets, input('x'))
    showQuery(targets, null)
    expect(allMatches(targets, input(''))).toEqual([])
  })
})

describe('replacing', () => {
  it('replaces one match and continues after the replacement, even when it contains the search text', () => {
    const targets = [section(['Peel en Peel'])]
    const query = input('Peel', 'De Peel')
    const [first] = allMatches(targets, query)
    if (!first) throw new Error('match expected')
    const outcome = replaceOne(targets, first, query)
    expect(targets[0]?.text()).toEqual(['De Peel en Peel'])
    if (outcome.kind !== 'replaced') throw new Error(`replaced expected, got ${outcome.kind}`)
    const next = step(allMatches(targets, query), outcome.end, 1, true)
    expect(next?.from).toBe(12)
  })

  it('does not replace in a section the user may not change, nor text that changed meanwhile', () => {
    const locked = [section(['Peel'], false)]
    const [match] = allMatches(locked, input('Peel'))
    if (!match) throw new Error('match expected')
    expect(replaceOne(locked, match, input('Peel', 'X')).kind).toBe('not-allowed')
    expect(locked[0]?.text()).toEqual(['Peel'])

    const open = [section(['Peel'])]
    const stale = { target: 0, from: 2, to: 6 }
    expect(replaceOne(open, stale, input('Peel', 'X')).kind).toBe('gone')
    expect(open[0]?.text()).toEqual(['Peel'])
  })

  it('replaces everywhere it may, in one step per section, and counts what it left', () => {
    const targets = [section(['peel, Peel', 'PEEL']), section(['Peel'], false), section(['geen'])]
    const outcome = replaceEverywhere(targets, input('peel', 'Kempen'))
    expect(outcome).toEqual({ replaced: 3, skipped: 1 })
    expect(targets[0]?.text()).toEqual(['Kempen, Kempen', 'Kempen'])
    expect(targets[1]?.text()).toEqual(['Peel'])
    expect(targets[2]?.text()).toEqual(['geen'])
  })

  it('keeps the marks of the text it replaces', () => {
    const bold = schema.marks.bold
    if (!bold) throw new Error('bold mark expected')
    const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('Peel', [bold.create()])])])
    let state = EditorState.create({ schema, doc, plugins: [search()] })
    const target: SearchTarget = {
      state: () => state,
      dispatch: (tr) => {
        state = state.apply(tr)
      },
      mayChange: () => true,
    }
    replaceEverywhere([target], input('Peel', 'Kempen'))
    const text = state.doc.firstChild?.firstChild
    expect(text?.text).toBe('Kempen')
    expect(text?.marks.map((m) => m.type.name)).toEqual(['bold'])
  })
})
