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

/** Shown while the cursor is in a table. */
export const TABLE_ACTIONS: readonly TableAction[] = [
  {
    id: 'rowBefore',
    toggle: false,
    can: (e) => e.can().addRowBefore(),
    run: (e) => e.chain().focus().addRowBefore().run(),
  },
  {
    id: 'rowAfter',
    toggle: false,
    can: (e) => e.can().addRowAfter(),
    run: (e) => e.chain().focus().addRowAfter().run(),
  },
  {
    id: 'columnBefore',
    toggle: false,
    can: (e) => e.can().addColumnBefore(),
    run: (e) => e.chain().focus().addColumnBefore().run(),
  },
  {
    id: 'columnAfter',
    toggle: false,
    can: (e) => e.can().addColumnAfter(),
    run: (e) => e.chain().focus().addColumnAfter().run(),
  },
  {
    id: 'deleteRow',
    toggle: false,
    can: (e) => e.can().deleteRow(),
    run: (e) => e.chain().focus().deleteRow().run(),
  },
  {
    id: 'deleteColumn',
    toggle: false,
    can: (e) => e.can().deleteColumn(),
    run: (e) => e.chain().focus().deleteColumn().run(),
  },
  {
    id: 'headerRow',
    toggle: true,
    can: (e) => e.can().toggleHeaderRow(),
    run: (e) => e.chain().focus().toggleHeaderRow().run(),
  },
  {
    // Cells selected with Shift and the arrow keys, or Shift and a click, become one cell.
    id: 'mergeCells',
    toggle: false,
    can: (e) => e.can().mergeCells(),
    run: (e) => e.chain().focus().mergeCells().run(),
  },
  {
    id: 'splitCell',
    toggle: false,
    can: (e) => e.can().splitCell(),
    run: (e) => e.chain().focus().splitCell().run(),
  },
  {
    id: 'deleteTable',
    toggle: false,
    can: (e) => e.can().deleteTable(),
    run: (e) => e.chain().focus().deleteTable().run(),
  },
]

/** The table around the cursor, or null. */
export function tableAtCursor(editor: Editor): PmNode | null {
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
