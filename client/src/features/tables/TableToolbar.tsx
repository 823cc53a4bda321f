// The table buttons of one section's editor. Outside a table: "Tabel invoegen" (three by three, with a
// header row). With the cursor in a table: rows and columns added or removed where the cursor is, the
// header row switched on or off, selected cells merged or a merged cell split, the table removed. In
// the table, Tab and Shift+Tab go from cell to cell, and Tab in the last cell adds a row (the
// extension's keys); Alt+F10 comes here from the text, Escape goes back (sections/toolbarKeys.ts). A
// WAI-ARIA toolbar (ui/useRovingToolbar.ts) beside the format toolbar.
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { useRovingToolbar } from '../../ui/useRovingToolbar.ts'
import { hasHeaderRow, INSERT_TABLE, TABLE_ACTIONS, type TableAction, tableAtCursor } from './tableActions.ts'

export interface TableToolbarProps {
  readonly editor: Editor
  /** The id of the section title, which names the text the table is in. */
  readonly labelledBy: string
}

interface ToolbarState {
  readonly actions: readonly TableAction[]
  readonly enabled: readonly boolean[]
  readonly headerRow: boolean
}

function toolbarState(editor: Editor): ToolbarState {
  const table = tableAtCursor(editor)
  const actions = table === null ? [INSERT_TABLE] : TABLE_ACTIONS
  return {
    actions,
    enabled: actions.map((action) => action.can(editor)),
    headerRow: table !== null && hasHeaderRow(table),
  }
}

export function TableToolbar({ editor, labelledBy }: TableToolbarProps) {
  const { t } = useTranslation('sections')
  // Re-rendered when the cursor enters or leaves a table or a command becomes (un)available.
  const state = useEditorState({ editor, selector: ({ editor: e }) => toolbarState(e) })
  const toolbar = useRovingToolbar(state.actions.length)

  return (
    <div
      role="toolbar"
      className="format-toolbar table-toolbar"
      data-testid="table-toolbar"
      aria-label={t('table.label')}
      aria-describedby={labelledBy}
      onKeyDown={toolbar.onKeyDown}
    >
      {state.actions.map((action, index) => (
        <button
          key={action.id}
          {...toolbar.button(index)}
          type="button"
          className={`format-button table-button table-button--${action.id}`}
          data-testid={`table-${action.id}`}
          aria-pressed={action.toggle ? state.headerRow : undefined}
          // How to move in a table, where one is made (the extension's keys are not on any button).
          title={action.id === 'insert' ? t('table.insertHint') : undefined}
          // Focusable while unavailable, so the arrow keys still reach every button (APG toolbar).
          aria-disabled={state.enabled[index] === false ? true : undefined}
          onClick={() => {
            if (state.enabled[index] !== false) action.run(editor)
          }}
        >
          {t(`table.${action.id}`)}
        </button>
      ))}
    </div>
  )
}
