// Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z) in a section editor: when the next step there is the last
// "Alles vervangen", it is undone or redone in every section at once (replaceAllHistory.ts); otherwise
// the keys fall through to the section's own history (Collaboration's undo).
import { Extension } from '@tiptap/core'
import type { HistoryStack, ReplaceAllHistory } from './replaceAllHistory.ts'

export interface ReplaceAllUndoKeysOptions {
  readonly history: ReplaceAllHistory | null
}

export const ReplaceAllUndoKeys = Extension.create<ReplaceAllUndoKeysOptions>({
  name: 'replaceAllUndoKeys',
  // Before Collaboration's own Mod-z (Collaboration has priority 1000).
  priority: 1100,

  addOptions() {
    return { history: null }
  },

  addKeyboardShortcuts() {
    const step = (stack: HistoryStack): boolean => {
      const { history } = this.options
      if (!history?.isNext(this.editor, stack)) return false
      history.apply(stack)
      return true
    }
    return {
      'Mod-z': () => step('undo'),
      'Mod-y': () => step('redo'),
      'Shift-Mod-z': () => step('redo'),
    }
  },
})
