// A section editor's undo history: the Y.UndoManager that Collaboration's undo plugin binds to the
// section's fragment (y-tiptap keeps it in the plugin state and exports no getter for it).
import type { Editor } from '@tiptap/core'
import { yUndoPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

/** The section's Y.UndoManager, or null when the editor has none (or is gone). */
export function undoManagerOf(editor: Editor): Y.UndoManager | null {
  if (editor.isDestroyed) return null
  const state: unknown = yUndoPluginKey.getState(editor.state)
  if (typeof state !== 'object' || state === null || !('undoManager' in state)) return null
  return (state as { readonly undoManager: Y.UndoManager }).undoManager
}
