// Routes the document's awareness to the caret plugins of its section editors, so that a caret that
// moves redraws only the editor it is (or was) in, at most once per animation frame.
//
// Why: y-prosemirror's cursor plugin listens to the awareness itself, and every editor on the page
// has one. Each awareness change (every keystroke of anyone, our own included, since our caret is
// published as we type) then dispatched a transaction into all eight editors, each re-resolving every
// caret and re-rendering its decorations, inside the task of the keystroke (issue 7). The plugin only
// needs `getStates`, `getLocalState`, `setLocalStateField` and a `change` event, so each editor gets a
// small view of the awareness (`forFragment`) whose `change` fires only when a caret that concerns
// that editor changed: one of another client whose caret entered, moved in or left its fragment.
// Changes of our own state never redraw anything (the plugin never shows one's own caret).
//
// Our own caret, which the plugin publishes on every keystroke, goes out just after the frame that
// shows the keystroke: setting the awareness encodes and sends it and runs every listener (the
// presence list among them), work the others' view of our caret does not need before the paint.
// And only when it moved: the plugin (@tiptap/y-tiptap 3.0) sets it again after every remote change
// of the editor's text even where it stayed put, so each keystroke of one person made every other
// page with the focus in that section send its unchanged caret to everyone. Others place a caret that
// did not move correctly without it: their own edits map it, and remote ones re-resolve it.
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { afterPaint } from '../collab/afterPaint.ts'

type AwarenessState = Record<string, unknown>
type Listener = () => void

/** The part of an Awareness the caret plugin (y-prosemirror's yCursorPlugin) uses. */
export interface CaretAwareness {
  readonly states: Map<number, AwarenessState>
  getStates(): Map<number, AwarenessState>
  getLocalState(): AwarenessState | null
  setLocalStateField(field: string, value: unknown): void
  on(event: string, listener: Listener): void
  off(event: string, listener: Listener): void
}

export interface CaretRouter {
  /** The awareness as one section editor's caret plugin sees it. */
  forFragment(fragment: Y.XmlFragment): CaretAwareness
}

interface ChangeEvent {
  readonly added: readonly number[]
  readonly updated: readonly number[]
  readonly removed: readonly number[]
}

/** Schedules one callback and returns its cancel function. */
export type Scheduler = (callback: () => void) => () => void

export interface CaretSchedulers {
  /** Before the next paint (remote carets are drawn in it). */
  readonly beforePaint: Scheduler
  /** After the next paint (our caret is published then). */
  readonly afterPaint: Scheduler
}

/** A hidden page paints nothing: our caret goes out after this long at the latest. */
const LATEST_PUBLISH_MS = 100

const BROWSER_SCHEDULERS: CaretSchedulers = {
  beforePaint: (callback) => {
    const id = requestAnimationFrame(callback)
    return () => cancelAnimationFrame(id)
  },
  afterPaint: (callback) => afterPaint(window, callback, LATEST_PUBLISH_MS),
}

/** Two carets (y-prosemirror's `{ anchor, head }` of relative-position JSON, or null) at the same place. */
function sameCaret(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

export function createCaretRouter(
  doc: Y.Doc,
  awareness: Awareness,
  schedulers: CaretSchedulers = BROWSER_SCHEDULERS,
): CaretRouter {
  const listeners = new Map<Y.XmlFragment, Set<Listener>>()
  /** The fragment each other client's caret was in when last routed (absent: none or unresolved). */
  const caretFragment = new Map<number, Y.XmlFragment>()
  /** The cursor of each other client when last routed, to place it again if it did not resolve then. */
  const lastCursor = new Map<number, unknown>()
  /** The cursor each client had when last routed, to skip changes that did not move it. */
  const caretKey = new Map<number, string>()
  const changed = new Set<number>()
  let cancelFrame: (() => void) | null = null
  let subscribed = false
  /** Our caret as the plugin last set it, not yet published (a box: null is a value). */
  let ownCaret: { value: unknown } | null = null
  let publishScheduled = false

  const publishOwnCaret = (): void => {
    publishScheduled = false
    const caret = ownCaret
    ownCaret = null
    if (!caret || sameCaret(awareness.getLocalState()?.cursor ?? null, caret.value)) return
    awareness.setLocalStateField('cursor', caret.value)
  }
  const setLocalStateField = (field: string, value: unknown): void => {
    if (field !== 'cursor') {
      awareness.setLocalStateField(field, value)
      return
    }
    ownCaret = { value }
    if (publishScheduled) return
    publishScheduled = true
    schedulers.afterPaint(publishOwnCaret)
  }

  const route = (): void => {
    cancelFrame = null
    const dirty = new Set<Y.XmlFragment>()
    const states = awareness.getStates()
    for (const clientId of changed) {
      const state = states.get(clientId)
      const key = state ? JSON.stringify([state.cursor ?? null, state.user ?? null]) : ''
      // A state renewal or a change of another field (the section, the name field) moves no caret.
      if (key === caretKey.get(clientId) && key !== '') continue
      // A caret whose text had not arrived when it was routed is drawn once the text comes (a remote
      // change redraws that editor); where it is now decides which editor must drop it.
      const before = caretFragment.get(clientId) ?? fragmentOfCaret(doc, lastCursor.get(clientId))
      const after = state ? fragmentOfCaret(doc, state.cursor) : null
      if (state) lastCursor.set(clientId, state.cursor)
      else lastCursor.delete(clientId)
      if (before) dirty.add(before)
      if (after) dirty.add(after)
      if (after) caretFragment.set(clientId, after)
      else caretFragment.delete(clientId)
      if (key === '') caretKey.delete(clientId)
      else caretKey.set(clientId, key)
    }
    changed.clear()
    for (const fragment of dirty) for (const listener of listeners.get(fragment) ?? []) listener()
  }

  const handleChange = ({ added, updated, removed }: ChangeEvent): void => {
    for (const clientId of [...added, ...updated, ...removed]) {
      if (clientId !== awareness.clientID) changed.add(clientId)
    }
    if (changed.size > 0 && cancelFrame === null) cancelFrame = schedulers.beforePaint(route)
  }

  const subscribe = (): void => {
    if (subscribed) return
    subscribed = true
    awareness.on('change', handleChange)
  }
  const unsubscribeIfIdle = (): void => {
    if (!subscribed || listeners.size > 0) return
    subscribed = false
    awareness.off('change', handleChange)
    cancelFrame?.()
    cancelFrame = null
    changed.clear()
    caretFragment.clear()
    lastCursor.clear()
    caretKey.clear()
  }

  return {
    forFragment(fragment) {
      return {
        get states() {
          return awareness.getStates() as Map<number, AwarenessState>
        },
        getStates: () => awareness.getStates() as Map<number, AwarenessState>,
        getLocalState: () => awareness.getLocalState(),
        setLocalStateField,
        on(event, listener) {
          // Only `change` matters to the caret plugin; Tiptap's `update` listener keeps a list of
          // users in the extension's storage, which nothing here reads.
          if (event !== 'change') return
          const set = listeners.get(fragment) ?? new Set<Listener>()
          set.add(listener)
          listeners.set(fragment, set)
          subscribe()
        },
        off(event, listener) {
          if (event !== 'change') return
          const set = listeners.get(fragment)
          set?.delete(listener)
          if (set?.size === 0) listeners.delete(fragment)
          unsubscribeIfIdle()
        },
      }
    },
  }
}

/** The section content (a top-level Y.XmlFragment) that holds a caret, or null if it does not resolve. */
export function fragmentOfCaret(doc: Y.Doc, cursor: unknown): Y.XmlFragment | null {
  if (!isRecord(cursor) || !isRecord(cursor.head)) return null
  // The same resolution the caret plugin makes (null while the caret's text has not arrived yet).
  const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(cursor.head), doc)
  let type: Y.AbstractType<unknown> | null = position?.type ?? null
  // Paragraphs and text are XmlElements and XmlTexts inside the section's XmlFragment.
  while (type !== null && !(type instanceof Y.XmlFragment && !(type instanceof Y.XmlElement))) {
    type = type.parent
  }
  return type
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
