// prosemirror-tables repairs a table that is not rectangular after every change (`fixTables`, appended to
// the transaction). With Yjs that goes wrong in two ways, both seen in test/e2e/tableConcurrency.test.ts:
//   - a repair appended to a change that came from Yjs is shown but never written to the shared document
//     (y-prosemirror ignores changes made while it applies a remote one): that page then shows cells that
//     exist nowhere else;
//   - when two people change one table at the same time (one adds columns, the other rows), both pages
//     pad the same short rows after their own next change, and the table gains cells nobody added (8
//     columns and 8 rows added at once gave 23 columns instead of 11;
//     https://github.com/ProseMirror/prosemirror-tables/issues/249).
// So a table is repaired only after a change made on this page, and only by one page per section: of the
// pages that may edit the section and last had the focus in it (the presence field `editsSection`), the
// one with the lowest client id (`repairsHere`). A table left short by a merge shows its short rows, the
// same on every page, until the page that repairs changes something in it.
import { Table, type TableOptions } from '@tiptap/extension-table'
import { Plugin, type Transaction } from '@tiptap/pm/state'
import { tableEditingKey } from '@tiptap/pm/tables'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

export interface TableRepairOptions {
  /** Whether this page repairs the tables of its section now (`repairsHere`). */
  readonly mayRepair: () => boolean
}

/** The transaction a plugin appended to, or the transaction itself. */
const rootOf = (tr: Transaction): Transaction => {
  const root: unknown = tr.getMeta('appendedTransaction')
  return root !== undefined && root !== null ? (root as Transaction) : tr
}

/** A change Yjs made to the editor (y-prosemirror marks each one as the "change origin"). */
export function cameFromYjs(tr: Transaction): boolean {
  const meta: unknown = rootOf(tr).getMeta(ySyncPluginKey)
  return typeof meta === 'object' && meta !== null && (meta as { isChangeOrigin?: unknown }).isChangeOrigin === true
}

/** The table-editing plugin, whose repairs follow only this page's own changes, where `mayRepair` says so. */
export function repairingOnce(plugin: Plugin, options: TableRepairOptions): Plugin {
  const append = plugin.spec.appendTransaction
  if (append === undefined) return plugin
  return new Plugin({
    ...plugin.spec,
    appendTransaction(trs, oldState, newState) {
      const tr = append.call(this, trs, oldState, newState)
      // Nothing to repair (or only the selection to normalise): nothing that could be made twice.
      if (!tr?.docChanged) return tr
      const first = trs[0]
      if (first !== undefined && cameFromYjs(first)) return null
      return options.mayRepair() ? tr : null
    },
  })
}

/** The presence field: the section a page last had the focus in, if it may edit that section's text. */
export const EDITS_SECTION = 'editsSection'

/**
 * Whether this page repairs the tables of `sectionId`: it edits that section, and no other page that
 * edits it has a lower client id. `states` is the document's presence (awareness).
 */
export function repairsHere(
  states: ReadonlyMap<number, Readonly<Record<string, unknown>>>,
  ownId: number,
  sectionId: string,
): boolean {
  if (states.get(ownId)?.[EDITS_SECTION] !== sectionId) return false
  for (const [clientId, state] of states) if (clientId < ownId && state[EDITS_SECTION] === sectionId) return false
  return true
}

/** Tiptap's table node, whose repairs one page makes (the rules above). */
export const LocalTableFixes = Table.extend<TableOptions & TableRepairOptions>({
  addOptions() {
    return { ...(this.parent?.() as TableOptions), mayRepair: () => true }
  },
  addProseMirrorPlugins() {
    return (this.parent?.() ?? []).map((plugin) =>
      plugin.spec.key === tableEditingKey ? repairingOnce(plugin, this.options) : plugin,
    )
  },
})
