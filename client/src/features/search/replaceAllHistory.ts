// "Alles vervangen" changes several sections, and each section editor keeps its own undo history
// (Collaboration binds a Y.UndoManager to the section's fragment). Word and Google Docs undo a
// replace-all in one step, and so does the document page: the step each section got is remembered, and
// undoing it in any of them (Ctrl+Z there, or "Ongedaan maken" in the find bar) undoes it in every
// section where it is still the last step; redoing it (Ctrl+Y) redoes it everywhere again. A section
// where the user changed something since keeps that change: there Ctrl+Z undoes the newer change first,
// as always, and the replace-all is left alone in it.
import type { Editor } from '@tiptap/core'
import type * as Y from 'yjs'
import { undoManagerOf } from '../../editor/undoManager.ts'

type StackItem = Y.UndoManager['undoStack'][number]
export type HistoryStack = 'undo' | 'redo'

/** A section editor and whether the user may change its text now. */
export interface HistoryEditor {
  readonly editor: Editor
  readonly mayChange: () => boolean
}

interface Step {
  readonly section: HistoryEditor
  readonly item: StackItem
}

/** The last replace-all: its step in each section, on the undo stacks or, once undone, on the redo stacks. */
interface Group {
  readonly stack: HistoryStack
  readonly steps: readonly Step[]
}

export interface HistoryOutcome {
  /** Sections where the replace-all was undone (or redone). */
  readonly sections: number
  /** Sections where it was not: changed since, signed off, or gone from the page. */
  readonly left: number
}

export interface ReplaceAllHistory {
  /** Runs `replace`, which dispatches into some of these editors, and remembers the step each got. */
  record(sections: readonly HistoryEditor[], replace: () => void): void
  /** Whether the replace-all is the next step to undo (or redo) in `editor`. */
  isNext(editor: Editor, stack: HistoryStack): boolean
  /** Undoes (or redoes) the replace-all in every section where it is the next step; null if there is none. */
  apply(stack: HistoryStack): HistoryOutcome | null
}

const topOf = (manager: Y.UndoManager, stack: HistoryStack): StackItem | undefined =>
  (stack === 'undo' ? manager.undoStack : manager.redoStack).at(-1)

export function createReplaceAllHistory(): ReplaceAllHistory {
  let group: Group | null = null

  const nextIn = (step: Step, stack: HistoryStack): Y.UndoManager | null => {
    const manager = undoManagerOf(step.section.editor)
    return manager && topOf(manager, stack) === step.item ? manager : null
  }

  return {
    record(sections, replace) {
      const managers = sections.map((section) => ({ section, manager: undoManagerOf(section.editor) }))
      // A step of its own in each section: not merged into typing just before, nor into typing after.
      for (const { manager } of managers) manager?.stopCapturing()
      const before = managers.map(({ manager }) => (manager ? topOf(manager, 'undo') : undefined))
      replace()
      const steps: Step[] = []
      managers.forEach(({ section, manager }, i) => {
        if (!manager) return
        manager.stopCapturing()
        const item = topOf(manager, 'undo')
        if (item !== undefined && item !== before[i]) steps.push({ section, item })
      })
      group = steps.length > 0 ? { stack: 'undo', steps } : null
    },
    isNext(editor, stack) {
      if (group?.stack !== stack) return false
      const step = group.steps.find((s) => s.section.editor === editor)
      // A section signed off since keeps its own keys (which say why nothing changes there).
      if (!step?.section.mayChange()) return false
      return nextIn(step, stack) !== null
    },
    apply(stack) {
      if (group?.stack !== stack) return null
      const done: Step[] = []
      for (const step of group.steps) {
        const manager = nextIn(step, stack)
        if (!manager || !step.section.mayChange()) continue
        if (stack === 'undo') step.section.editor.commands.undo()
        else step.section.editor.commands.redo()
        manager.stopCapturing()
        // Undone, the step moved to the other stack as an item of its own: that one is redone next.
        const moved = topOf(manager, stack === 'undo' ? 'redo' : 'undo')
        if (moved !== undefined) done.push({ section: step.section, item: moved })
      }
      const left = group.steps.length - done.length
      group = done.length > 0 ? { stack: stack === 'undo' ? 'redo' : 'undo', steps: done } : null
      return { sections: done.length, left }
    },
  }
}
