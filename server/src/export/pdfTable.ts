// Tables in the PDF: pdfkit's own doc.table() holds one plain string per cell, so the grid (tableGrid.ts)
// is laid out here and each cell's blocks are drawn by the writer's block code (renderPdf.ts), which also
// owns the tagging and the measuring, artifact and cell state that this file reaches through the context.
import { type Block, emboldened, type TableRow } from './contentBlocks.ts'
import { type GridCell, rowCells, rowGroups, type TableGrid, tableGrid } from './tableGrid.ts'

// Tables: solid colours only (PDF/A allows no transparency).
const CELL_PADDING = 5
const BORDER_COLOR = '#808080'
const HEADER_FILL = '#eeeeee'
/** Narrower columns hold a few letters a line: such a table is printed cell after cell instead. */
const MIN_COLUMN_WIDTH = 40

/** Where lines go across the page: from `left`, `width` wide (the text width, an indent, a cell). */
export interface Area {
  readonly left: number
  readonly width: number
}

type Parent = PDFKit.PDFStructureElement

/** What the table layout needs from the PDF writer; the state behind it stays the writer's. */
export interface PdfTableContext {
  readonly doc: PDFKit.PDFDocument
  /** The body text size: the least a row is high, and the font a table leaves behind. */
  readonly bodySize: number
  /** A container element (table, row, cell) whose children `fill` adds while it is open. */
  within(
    parent: Parent,
    type: string,
    fill: (element: Parent) => void,
    attributes?: Readonly<Record<string, string | number>>,
  ): void
  /** Decoration that carries no content for a screen reader. */
  artifact(draw: () => void): void
  /** `draw` as one artifact in which nothing is tagged or linked: header rows drawn again. */
  untaggedArtifact(draw: () => void): void
  /** How far `draw` would move doc.y, without drawing. */
  measured(draw: () => void): number
  /** Whether this is a measuring pass: nothing is drawn or tagged. */
  measuring(): boolean
  /** Whether this is inside a table cell, whose row was measured to fit on the page. */
  inCell(): boolean
  /** `draw` as a cell's content: no page breaks or bookmarks in it. */
  asCell(draw: () => void): void
  /** The writer's block code, which draws (or measures) a block at doc.y. */
  block(b: Block, area: Area, parent: Parent): void
  /** Height left above the bottom margin. */
  room(): number
  /** Height between the margins of a page. */
  pageRoom(): number
  atPageTop(): boolean
}

interface RowGroup {
  readonly start: number
  readonly end: number
  /** Per row of the group. */
  readonly heights: number[]
}

/** The writer's table function: it draws a table block at doc.y, or measures it. */
export function pdfTables(context: PdfTableContext): (rows: readonly TableRow[], area: Area, parent: Parent) => void {
  const { doc, bodySize, within, artifact, measured, block, room, pageRoom, atPageTop } = context

  /**
   * A table as a bordered grid over the width of `area`, in equal columns; header cells bold on a light
   * background. Rows go to the next page whole (with the rows their cells span), under the header rows
   * drawn again. What does not fit that way, a table with too many columns or rows taller than a page,
   * is printed cell after cell, so no text is lost or clipped.
   */
  function table(rows: readonly TableRow[], area: Area, parent: Parent): void {
    const grid = tableGrid(rows)
    const column = area.width / grid.columns
    within(parent, 'Table', (element) => {
      if (column < MIN_COLUMN_WIDTH) stackedRows(grid, 0, grid.slots.length, area, element)
      else gridRows(grid, area, column, element)
    })
    doc.font('regular').fontSize(bodySize)
    doc.moveDown(0.5)
  }

  function gridRows(grid: TableGrid, area: Area, column: number, element: Parent): void {
    const groups = rowGroups(grid).map(
      ([start, end]): RowGroup => ({
        start,
        end,
        heights: rowHeights(grid, start, end, area, column, element),
      }),
    )
    const total = (group: RowGroup) => sum(group.heights)
    if (context.measuring()) {
      doc.y += sum(groups.map(total))
      return
    }
    const header = groups.filter((group) => group.end <= grid.headerRows)
    const headerHeight = sum(header.map(total))
    // A header taller than a third of the page is not repeated: it would crowd out the rows.
    const repeat = headerHeight > 0 && headerHeight <= pageRoom() / 3
    const first = groups[header.length]
    // The header rows stay with the first row below them.
    const opening = headerHeight + (first && total(first) <= pageRoom() - headerHeight ? total(first) : 0)
    if (!context.inCell() && opening > room() && opening <= pageRoom() && !atPageTop()) doc.addPage()
    for (const group of groups) {
      const height = total(group)
      if (!context.inCell() && height > room()) {
        const isHeader = group.end <= grid.headerRows
        const above = repeat && !isHeader ? headerHeight : 0
        if (height + above > pageRoom()) {
          // Taller than a page: cell after cell, from a page with some room left on it.
          if (room() < bodySize * 4) doc.addPage()
          stackedRows(grid, group.start, group.end, area, element)
          continue
        }
        doc.addPage()
        if (above > 0) repeatHeader(grid, header, area, column, element)
      }
      drawRows(grid, group, area, column, element)
    }
  }

  /** The height of each row from start to end, so that every cell fits in the rows it spans. */
  function rowHeights(
    grid: TableGrid,
    start: number,
    end: number,
    area: Area,
    column: number,
    element: Parent,
  ): number[] {
    const minimum = CELL_PADDING * 2 + bodySize * 1.5
    const heights = new Array<number>(end - start).fill(minimum)
    const cells = grid.slots.slice(start, end).flatMap((_slots, i) => rowCells(grid, start + i))
    // Cells of one row first; a cell spanning rows then adds what it still needs to the last of them.
    for (const at of [...cells].sort((a, b) => a.rowSpan - b.rowSpan)) {
      // `element` is not touched: nothing is tagged while measuring.
      const need = CELL_PADDING + measured(() => cellContent(at, cellArea(at, area, column), element))
      const first = at.row - start
      const have = sum(heights.slice(first, first + at.rowSpan))
      const last = first + at.rowSpan - 1
      if (need > have) heights[last] = (heights[last] ?? 0) + need - have
    }
    return heights
  }

  /** A cell's blocks from doc.y on, header cells bold. */
  function cellContent(at: GridCell, area: Area, parent: Parent): void {
    context.asCell(() => {
      for (const b of at.cell.header ? emboldened(at.cell.blocks) : at.cell.blocks) block(b, area, parent)
    })
  }

  /** A group of rows as a grid from doc.y on: header backgrounds, then each cell's content, then the borders. */
  function drawRows(grid: TableGrid, group: RowGroup, area: Area, column: number, element: Parent): void {
    const top = doc.y
    const { heights } = group
    const rowTop = (row: number) => top + sum(heights.slice(0, row - group.start))
    const spanned = (at: GridCell) => sum(heights.slice(at.row - group.start, at.row - group.start + at.rowSpan))
    const cells = (row: number) => rowCells(grid, row)
    const margin = doc.page.margins.bottom
    // The rows were measured to fit above the bottom margin. Should a cell still come out longer, it runs
    // on into the margin rather than onto a new page, away from its row.
    if (!context.inCell()) doc.page.margins.bottom = 0
    try {
      for (let r = group.start; r < group.end; r++) {
        const headerRow = cells(r).every((at) => at.cell.header)
        within(element, 'TR', (tr) => {
          for (const at of cells(r)) {
            const y = rowTop(r)
            const x = area.left + at.column * column
            if (at.cell.header) {
              artifact(() => {
                doc
                  .rect(x, y, at.colSpan * column, spanned(at))
                  .fillColor(HEADER_FILL)
                  .fill()
              })
            }
            const type = at.cell.header ? 'TH' : 'TD'
            within(
              tr,
              type,
              (cell) => {
                doc.y = y + CELL_PADDING
                cellContent(at, cellArea(at, area, column), cell)
              },
              cellAttributes(at, headerRow),
            )
            // Longer than measured: the rows it spans grow, so the borders still go round it.
            const over = doc.y - (y + spanned(at))
            const last = at.row - group.start + at.rowSpan - 1
            if (over > 0) heights[last] = (heights[last] ?? 0) + over
          }
        })
      }
    } finally {
      doc.page.margins.bottom = margin
    }
    artifact(() => {
      doc.lineWidth(0.5).strokeColor(BORDER_COLOR)
      for (let r = group.start; r < group.end; r++) {
        for (const at of cells(r)) {
          doc.rect(area.left + at.column * column, rowTop(r), at.colSpan * column, spanned(at)).stroke()
        }
      }
    })
    doc.y = top + sum(heights)
  }

  /** The header rows again at the top of a new page: decoration, since the structure has them once. */
  function repeatHeader(grid: TableGrid, header: readonly RowGroup[], area: Area, column: number, element: Parent) {
    context.untaggedArtifact(() => {
      for (const group of header) drawRows(grid, group, area, column, element)
    })
  }

  /** Rows printed cell after cell over the whole width, a rule above each row: for what a grid cannot hold. */
  function stackedRows(grid: TableGrid, start: number, end: number, area: Area, element: Parent): void {
    const rule = () => {
      const y = doc.y + 2
      artifact(() => {
        doc
          .moveTo(area.left, y)
          .lineTo(area.left + area.width, y)
          .lineWidth(0.5)
          .strokeColor(BORDER_COLOR)
          .stroke()
      })
      doc.y = y + 6
    }
    for (let r = start; r < end; r++) {
      const cells = rowCells(grid, r)
      const headerRow = cells.every((at) => at.cell.header)
      within(element, 'TR', (tr) => {
        rule()
        for (const at of cells) {
          const blocks = at.cell.header ? emboldened(at.cell.blocks) : at.cell.blocks
          within(
            tr,
            at.cell.header ? 'TH' : 'TD',
            (cell) => {
              for (const b of blocks) block(b, area, cell)
            },
            cellAttributes(at, headerRow),
          )
        }
      })
    }
    rule()
  }

  return table
}

/** Where a cell's content goes: inside its borders and padding. */
const cellArea = (at: GridCell, area: Area, column: number): Area => ({
  left: area.left + at.column * column + CELL_PADDING,
  width: at.colSpan * column - 2 * CELL_PADDING,
})

/** PDF table attributes of a cell: header scope and spans. */
function cellAttributes(at: GridCell, inHeaderRow: boolean): Record<string, string | number> {
  return {
    O: 'Table',
    ...(at.cell.header ? { Scope: inHeaderRow ? 'Column' : 'Row' } : {}),
    ...(at.rowSpan > 1 ? { RowSpan: at.rowSpan } : {}),
    ...(at.colSpan > 1 ? { ColSpan: at.colSpan } : {}),
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
