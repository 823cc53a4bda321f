import { describe, expect, it } from 'vitest'
import { inlineText, type TableCell, type TableRow, text } from './contentBlocks.ts'
import { rowGroups, type TableGrid, tableGrid } from './tableGrid.ts'

const cell = (value: string, colSpan = 1, rowSpan = 1, header = false): TableCell => ({
  header,
  colSpan,
  rowSpan,
  blocks: [{ kind: 'paragraph', inlines: [text(value)] }],
})
const row = (...cells: TableCell[]): TableRow => ({ header: cells.length > 0 && cells.every((c) => c.header), cells })

/** The grid as text: a cell's text where it starts, "<" where a span from the left covers, "^" from above. */
function picture(grid: TableGrid): string[][] {
  return grid.slots.map((slots, r) =>
    slots.map((slot) => {
      if (slot.kind === 'covered') return slot.by.row < r ? '^' : '<'
      const [first] = slot.at.cell.blocks
      return first?.kind === 'paragraph' ? inlineText(first.inlines) || '_' : '_'
    }),
  )
}

describe('tableGrid', () => {
  it('places cells after the row spans from above, as HTML does', () => {
    const grid = tableGrid([
      row(cell('a', 1, 2), cell('b', 2), cell('c')),
      row(cell('d'), cell('e', 1, 2), cell('f')),
      row(cell('g'), cell('h'), cell('i')),
    ])
    expect(grid.columns).toBe(4)
    expect(picture(grid)).toEqual([
      ['a', 'b', '<', 'c'],
      ['^', 'd', 'e', 'f'],
      ['g', 'h', '^', 'i'],
    ])
  })

  it('fills short rows with empty cells and cuts spans that run off the grid or into a cell', () => {
    const grid = tableGrid([
      row(cell('a'), cell('b', 1, 5)),
      // "c" would span over column 1, which "b" covers from above: it is cut to one column.
      row(cell('c', 3)),
      row(),
    ])
    expect(grid.columns).toBe(2)
    expect(picture(grid)).toEqual([
      ['a', 'b'],
      ['c', '^'],
      ['_', '^'],
    ])
    const b = grid.slots[0]?.[1]
    expect(b?.kind === 'cell' && b.at.rowSpan).toBe(3)
  })

  it('counts leading header rows, but not one whose cell spans into the body', () => {
    const h = (value: string, rowSpan = 1) => cell(value, 1, rowSpan, true)
    expect(tableGrid([row(h('a'), h('b')), row(h('c'), h('d')), row(cell('e'), cell('f'))]).headerRows).toBe(2)
    expect(tableGrid([row(h('a'), h('b', 3)), row(h('c')), row(cell('e'))]).headerRows).toBe(0)
    expect(tableGrid([row(h('a')), row(h('b'), h('c', 2)), row(cell('d'))]).headerRows).toBe(1)
    // A header row further down the table does not repeat.
    expect(tableGrid([row(cell('a')), row(h('b'))]).headerRows).toBe(0)
  })

  it('groups the rows that a row span holds together, where a page must not break', () => {
    const grid = tableGrid([
      row(cell('a'), cell('b')),
      row(cell('c', 1, 2), cell('d')),
      row(cell('e')),
      row(cell('f'), cell('g')),
    ])
    expect(rowGroups(grid)).toEqual([
      [0, 1],
      [1, 3],
      [3, 4],
    ])
  })
})
