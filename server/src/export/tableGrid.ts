// Where each cell of a table sits on its grid of rows and columns, worked out once for the four formats
// the way HTML does it: a cell takes the first column in its row that no row span from above covers.
// The editor keeps its tables rectangular, but a damaged document need not be: a span that runs past
// the last row or into a cell placed before it is cut back, and a row that ends early is filled with
// empty cells, so every format gets a rectangle without losing a cell.
import type { TableCell, TableRow } from './contentBlocks.ts'

export interface GridCell {
  readonly cell: TableCell
  readonly row: number
  readonly column: number
  /** The spans as placed: at least 1, never past the grid, never over another cell. */
  readonly colSpan: number
  readonly rowSpan: number
}

/** One grid position: the cell that starts there, or the cell whose span covers it. */
export type GridSlot =
  | { readonly kind: 'cell'; readonly at: GridCell }
  | { readonly kind: 'covered'; readonly by: GridCell }

export interface TableGrid {
  readonly columns: number
  /** Per row, one slot per column. */
  readonly slots: readonly (readonly GridSlot[])[]
  /** Leading header rows that no row span leaves: they repeat on each page. */
  readonly headerRows: number
}

/** Beyond this many positions a table is not something a person made: contentBlocks keeps its text instead. */
const MAX_GRID_POSITIONS = 100_000

export function tableFitsGrid(rows: readonly TableRow[]): boolean {
  return rows.length * placeCells(rows).columns <= MAX_GRID_POSITIONS
}

export function tableGrid(rows: readonly TableRow[]): TableGrid {
  const { placed, columns } = placeCells(rows)
  const slots: (GridSlot | undefined)[][] = rows.map(() => new Array<GridSlot | undefined>(columns).fill(undefined))
  for (const at of placed.flat()) {
    for (let r = at.row; r < at.row + at.rowSpan; r++) {
      for (let c = at.column; c < at.column + at.colSpan; c++) {
        const row = slots[r]
        if (row) row[c] = r === at.row && c === at.column ? { kind: 'cell', at } : { kind: 'covered', by: at }
      }
    }
  }
  const filled = slots.map((row, r) =>
    row.map((slot, column): GridSlot => slot ?? { kind: 'cell', at: emptyCell(rows[r]?.header ?? false, r, column) }),
  )
  return { columns, slots: filled, headerRows: headerRowCount(rows, placed) }
}

/** The cells that start in a row, left to right. */
export function rowCells(grid: TableGrid, row: number): GridCell[] {
  return (grid.slots[row] ?? []).flatMap((slot) => (slot.kind === 'cell' ? [slot.at] : []))
}

/**
 * The rows in runs that no row span crosses, as [first, end) pairs: a page break may only fall between
 * two runs, so that a cell spanning rows is never torn apart.
 */
export function rowGroups(grid: TableGrid): [number, number][] {
  const groups: [number, number][] = []
  let start = 0
  let end = 0
  grid.slots.forEach((_row, r) => {
    for (const at of rowCells(grid, r)) end = Math.max(end, at.row + at.rowSpan)
    if (end <= r + 1) {
      groups.push([start, r + 1])
      start = r + 1
    }
  })
  return groups
}

function placeCells(rows: readonly TableRow[]): { placed: GridCell[][]; columns: number } {
  // Per column, the first row that the cells placed so far no longer cover.
  const freeFrom: number[] = []
  const covered = (column: number, row: number) => (freeFrom[column] ?? 0) > row
  const placed = rows.map((row, r) => {
    let column = 0
    return row.cells.map((cell): GridCell => {
      while (covered(column, r)) column++
      let colSpan = 1
      while (colSpan < cell.colSpan && !covered(column + colSpan, r)) colSpan++
      const rowSpan = Math.min(cell.rowSpan, rows.length - r)
      for (let c = column; c < column + colSpan; c++) freeFrom[c] = r + rowSpan
      const at = { cell, row: r, column, colSpan, rowSpan }
      column += colSpan
      return at
    })
  })
  return { placed, columns: freeFrom.length }
}

function emptyCell(header: boolean, row: number, column: number): GridCell {
  return { cell: { header, colSpan: 1, rowSpan: 1, blocks: [] }, row, column, colSpan: 1, rowSpan: 1 }
}

function headerRowCount(rows: readonly TableRow[], placed: readonly GridCell[][]): number {
  let count = 0
  while (count < rows.length && rows[count]?.header) count++
  // A header cell that spans into the body would be cut in two where the header repeats: stop above it.
  for (;;) {
    const crossing = placed
      .slice(0, count)
      .flat()
      .filter((at) => at.row + at.rowSpan > count)
    if (crossing.length === 0) return count
    count = Math.min(...crossing.map((at) => at.row))
  }
}
