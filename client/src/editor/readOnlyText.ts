// Text that may not be changed but must take a keyboard caret and selection: a signed-off (locked)
// section, or any section for a member who may only comment. ProseMirror's `editable: false` makes
// the text contenteditable="false", which a keyboard cannot select in, so a keyboard user could only
// comment on a whole section (WCAG 2.1.1). Here the editor stays contenteditable, says
// aria-readonly="true", and refuses every change of its own:
//   - input the browser would make (typing, deleting, pasting, dropping, formatting) is cancelled at
//     `beforeinput`, before it touches the page;
//   - a command that would change the text (Enter, Backspace, a mark, a link) is filtered out as a
//     transaction; only changes that come from the shared document (y-tiptap's sync) pass;
//   - undo and redo, which change the shared document directly (Y.UndoManager), are swallowed.
// The server refuses such changes anyway (the update gate); this keeps them from being made at all.
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

export interface ReadOnlyTextOptions {
  /** Whether the text is read-only now (it changes live, when a section locks or reopens). */
  readonly isReadOnly: () => boolean
  /** The user tried to change read-only text: tell them why nothing happens. */
  readonly onRefusedInput: () => void
}

const readOnlyTextKey = new PluginKey('readOnlyText')

/** Undo/redo shortcuts (Ctrl or Cmd): z, Shift+z, y. */
function isHistoryKey(event: KeyboardEvent): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return false
  const key = event.key.toLowerCase()
  return key === 'z' || key === 'y'
}

export const ReadOnlyText = Extension.create<ReadOnlyTextOptions>({
  name: 'readOnlyText',
  // Before every other extension: its DOM and key handlers must not see what is refused here.
  priority: 10_000,

  addOptions() {
    return { isReadOnly: () => false, onRefusedInput: () => {} }
  },

  addProseMirrorPlugins() {
    const { isReadOnly, onRefusedInput } = this.options
    return [
      new Plugin({
        key: readOnlyTextKey,
        filterTransaction: (tr) => !tr.docChanged || !isReadOnly() || tr.getMeta(ySyncPluginKey) !== undefined,
        props: {
          attributes: (): Record<string, string> => (isReadOnly() ? { 'aria-readonly': 'true' } : {}),
          handleKeyDown: (_view, event) => {
            if (!isReadOnly() || !isHistoryKey(event)) return false
            onRefusedInput()
            return true
          },
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              if (!isReadOnly()) return false
              event.preventDefault()
              onRefusedInput()
              return true
            },
          },
        },
      }),
    ]
  },
})

/** Makes the editor read its read-only state again (for aria-readonly) after it changed. */
export function readOnlyChanged(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(readOnlyTextKey, true))
}
