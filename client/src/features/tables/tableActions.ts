// What the table toolbar can do, in the order it shows them: the commands of @tiptap/extension-table
// (prosemirror-tables), each with the test id and the label key it is known by.
import type { Editor } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'

export type TableActionId =
  | 'insert'
  | 'rowBefore'
  | 'rowAfter'
  | 'columnBefore'
  | 'columnAfter'
  | 'deleteRow'
  | 'deleteColumn'
  | 'headerRow'
  | 'mergeCells'
  | 'splitCell'
  | 'deleteTable'

export interface TableAction {
  readonly id: TableActionId
  /** A switch (aria-pressed) rather than a one-off command. */
  readonly toggle: boolean
  readonly can: (editor: Editor) => boolean
  readonly run: (editor: Editor) => void
}

/** Rows and columns of a new table; its first row is a header row, as most tables in a perspective. */
export const NEW_TABLE = { rows: 3, cols: 3, withHeaderRow: true } as const

/** Shown outside a table. A table inside a cell is not offered: no export lays one out well. */
export const INSERT_TABLE: TableAction = {
  id: 'insert',
  toggle: false,
  can: (e) => e.can().insertTable(NEW_TABLE),
  run: (e) => e.chain().focus().insertTable(NEW_TABLE).run(),
}

/** The table commands that take no arguments and act where the cursor (or the cell selection) is. */
type CellCommand =
  | 'addRowBefore'
  | 'addRowAfter'
  | 'addColumnBefore'
  | 'addColumnAfter'
  | 'deleteRow'
  | 'deleteColumn'
  | 'toggleHeaderRow'
  | 'mergeCells'
  | 'splitCell'
  | 'deleteTable'

const cellAction = (id: TableActionId, command: CellCommand, toggle = false): TableAction => ({
  id,
  toggle,
  can: (e) => e.can()[command](),
  run: (e) => e.chain().focus()[command]().run(),
})

/** Shown while the cursor is in a table. Merging needs cells selected with Shift and the arrow keys or a click. */
export const TABLE_ACTIONS: readonly TableAction[] = [
  cellAction('rowBefore', 'addRowBefore'),
  cellAction('rowAfter', 'addRowAfter'),
  cellAction('columnBefore', 'addColumnBefore'),
  cellAction('columnAfter', 'addColumnAfter'),
  cellAction('deleteRow', 'deleteRow'),
  cellAction('deleteColumn', 'deleteColumn'),
  cellAction('headerRow', 'toggleHeaderRow', true),
  cellAction('mergeCells', 'mergeCells'),
  cellAction('splitCell', 'splitCell'),
  cellAction('deleteTable', 'deleteTable'),
]

/** The table around the cursor, or null. */
export function tableAtCursor(editor: Pick<Editor, 'state'>): PmNode | null {
  const { $from } = editor.state.selection
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (node.type.name === 'table') return node
  }
  return null
}

/** Whether the table's first row is a header row (every cell a header cell). */
export function hasHeaderRow(table: PmNode): boolean {
  const first = table.firstChild
  if (first === null || first.childCount === 0) return false
  let header = true
  first.forEach((cell) => {
    if (cell.type.name !== 'tableHeader') header = false
  })
  return header
}
