// The keys between a section's text and its toolbars, as in other editors (TinyMCE, CKEditor): Alt+F10
// in the text goes to a toolbar without moving the cursor: the image toolbar when an image is selected,
// the table toolbar when the cursor is in a table, the format toolbar otherwise. Escape in a toolbar goes back to the text, where the cursor was.
// Without them, a keyboard user in a table could only leave it through its first cell (Tab and
// Shift+Tab move between cells), and a row or column command would then act on the first row.

import { IMAGE_NODE } from '@novex/shared'
import { Extension } from '@tiptap/core'
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import type { KeyboardEvent as ReactKeyboardEvent } from 'react'
import { tableAtCursor } from '../tables/tableActions.ts'

/** As in aria-keyshortcuts. */
export const TOOLBAR_SHORTCUT = 'Alt+F10'

export interface ToolbarKeysOptions {
  /** No toolbars are shown while the text is read-only. */
  readonly isReadOnly: () => boolean
  /** The element that holds the section's toolbars. */
  readonly tools: () => HTMLElement | null
}

/** The toolbar's button that holds its Tab stop. */
function tabStop(tools: HTMLElement, testId: string): HTMLElement | null {
  return tools.querySelector<HTMLElement>(`[data-testid="${testId}"] button[tabindex="0"]`)
}

function focusToolbar(view: EditorView, event: KeyboardEvent, tools: HTMLElement | null): boolean {
  if (event.key !== 'F10' || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false
  if (tools === null) return false
  const { selection } = view.state
  const onImage = selection instanceof NodeSelection && selection.node.type.name === IMAGE_NODE
  const inTable = tableAtCursor(view) !== null
  const target =
    (onImage ? tabStop(tools, 'image-toolbar') : null) ??
    (inTable ? tabStop(tools, 'table-toolbar') : null) ??
    tabStop(tools, 'format-toolbar')
  if (target === null) return false
  event.preventDefault()
  target.focus()
  return true
}

/** Alt+F10 in the text, and the shortcut said on the text (aria-keyshortcuts) while it is editable. */
export const ToolbarKeys = Extension.create<ToolbarKeysOptions>({
  name: 'toolbarKeys',

  addOptions() {
    return { isReadOnly: () => true, tools: () => null }
  },

  addProseMirrorPlugins() {
    const { isReadOnly, tools } = this.options
    return [
      new Plugin({
        key: new PluginKey('toolbarKeys'),
        props: {
          attributes: (): Record<string, string> => (isReadOnly() ? {} : { 'aria-keyshortcuts': TOOLBAR_SHORTCUT }),
          handleKeyDown: (view, event) => !isReadOnly() && focusToolbar(view, event, tools()),
        },
      }),
    ]
  },
})

/** Escape in a toolbar: back to the text, where the cursor was. */
export function backToText(event: ReactKeyboardEvent<HTMLElement>, view: EditorView): void {
  if (event.key !== 'Escape') return
  // Only from a toolbar's button: a dialog opened from the tools (the link picker) closes on Escape itself.
  if (!(event.target instanceof HTMLElement) || event.target.closest('[role="toolbar"]') === null) return
  event.preventDefault()
  // At once (Tiptap's focus command waits for the next frame, and a key typed meanwhile would press a
  // button); ProseMirror puts the cursor back where its state has it.
  view.focus()
}
