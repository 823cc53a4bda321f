// Highlights the text of each open thread in a section's editor: ProseMirror decorations, never marks,
// so a comment changes no text (and no sign-off hash). The ranges are resolved from the threads'
// Y.RelativePositions whenever the Yjs side changes (a remote edit, the first render) or the
// `comments` map changes. On a local edit the decorations are mapped through the transaction (the Yjs
// fragment only catches up after it); when the edit touched a highlight's end they are resolved again
// from Yjs right after (highlightEdges.ts): there ProseMirror's mapping guesses differently from Yjs
// (a selection across the edge typed over), and every other page, a reload and the server follow Yjs.
// The text is in a <mark> whose description says that it has a comment and that Ctrl+Alt+Shift+A goes
// to it (useCommentsPanelKeys): a screen reader user learns both.
import { Extension } from '@tiptap/core'
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { resolveAnchor, syncBinding } from './anchors.ts'
import { imagesIn } from './commentRange.ts'
import type { AnchorPlace, CommentsStore } from './commentsStore.ts'
import { editTouchesHighlightEdge } from './highlightEdges.ts'

export interface CommentHighlightsOptions {
  readonly store: CommentsStore | null
  readonly fragment: Y.XmlFragment | null
  /** Whether this user may change the section's text now (a suggestion can be taken over). */
  readonly mayChange: () => boolean
}

interface HighlightState {
  readonly decorations: DecorationSet
  /** False until the editor's binding could resolve anchors. */
  readonly ready: boolean
  /** Mapped through a local edit at a highlight's end by ProseMirror's guess, to be resolved from Yjs again. */
  readonly stale: boolean
}

interface HighlightSpec {
  readonly threadId: string
}

const highlightKey = new PluginKey<HighlightState>('novexCommentHighlights')
const REFRESH = 'refresh'

export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'novexCommentHighlights',

  addOptions() {
    return { store: null, fragment: null, mayChange: () => false }
  },

  addProseMirrorPlugins() {
    const { store, fragment, mayChange } = this.options
    if (store === null || fragment === null) return []
    return [highlightPlugin(store, fragment, mayChange)]
  },
})

function highlightPlugin(
  store: CommentsStore,
  fragment: Y.XmlFragment,
  mayChange: () => boolean,
): Plugin<HighlightState> {
  const sectionId = (): string | null => store.sectionIdOf(fragment)

  const build = (state: EditorState): HighlightState => {
    const binding = syncBinding(state)
    const id = sectionId()
    if (binding === null || id === null) return { decorations: DecorationSet.empty, ready: false, stale: false }
    const { threads, activeThreadId } = store.getSnapshot()
    const decorations: Decoration[] = []
    for (const thread of threads) {
      if (thread.sectionId !== id || thread.status !== 'open') continue
      const place = resolveAnchor(state, binding, thread.anchor)
      if (place.kind !== 'range') continue
      const active = thread.id === activeThreadId
      const attrs = {
        class: `comment-highlight${active ? ' comment-highlight--active' : ''}`,
        'data-testid': 'comment-highlight',
        'data-thread-id': thread.id,
        title: store.highlightText('title'),
        // What a screen reader says of the text besides "marked": that it has a comment, and the key to it.
        'aria-description': store.highlightText('description'),
      }
      const spec = { threadId: thread.id } satisfies HighlightSpec
      // Text in a <mark>: screen readers say the text is marked (NVDA "gemarkeerd", JAWS "mark").
      const textAttrs = { ...attrs, nodeName: 'mark' }
      decorations.push(
        Decoration.inline(place.from, place.to, textAttrs, { ...spec, inclusiveStart: false, inclusiveEnd: false }),
      )
      // An inline decoration marks only text; a map in the range is marked as a node.
      for (const at of imagesIn(state.doc, place.from, place.to)) {
        const image = state.doc.nodeAt(at)
        if (image !== null) decorations.push(Decoration.node(at, at + image.nodeSize, attrs, spec))
      }
    }
    return { decorations: DecorationSet.create(state.doc, decorations), ready: true, stale: false }
  }

  /** Every thread of the section with its place now: a highlight, or deleted when none is left. */
  const places = (state: EditorState, value: HighlightState): Map<string, AnchorPlace> | null => {
    const id = sectionId()
    if (!value.ready || id === null) return null
    const binding = syncBinding(state)
    const result = new Map<string, AnchorPlace>()
    for (const decoration of value.decorations.find()) {
      const spec = decoration.spec as Partial<HighlightSpec>
      if (typeof spec.threadId !== 'string') continue
      // A thread's range is the span of its decorations (its text and the maps in it).
      const known = result.get(spec.threadId)
      const from = known?.kind === 'range' ? Math.min(known.from, decoration.from) : decoration.from
      const to = known?.kind === 'range' ? Math.max(known.to, decoration.to) : decoration.to
      result.set(spec.threadId, { kind: 'range', from, to })
    }
    for (const thread of store.getSnapshot().threads) {
      if (thread.sectionId !== id || result.has(thread.id)) continue
      // Resolved threads have no highlight; their place is still worth knowing (order, "tekst verwijderd").
      const place = thread.status === 'open' || binding === null ? null : resolveAnchor(state, binding, thread.anchor)
      result.set(thread.id, place ?? { kind: 'deleted' })
    }
    return result
  }

  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: (_config, state) => build(state),
      apply(tr: Transaction, value, _old, state) {
        const remote = Boolean(
          (ySyncPluginKey.getState(state) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin,
        )
        if (tr.getMeta(highlightKey) === REFRESH || (remote && tr.docChanged) || !value.ready) return build(state)
        if (!tr.docChanged) return value
        const decorations = value.decorations.map(tr.mapping, tr.doc)
        const stale = value.stale || editTouchesHighlightEdge(tr.mapping, value.decorations, decorations)
        return { decorations, ready: true, stale }
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.decorations,
      handleClick(view, pos) {
        const found = highlightKey.getState(view.state)?.decorations.find(pos, pos) ?? []
        const spec = found[0]?.spec as Partial<HighlightSpec> | undefined
        // The card is marked and scrolled to; the focus stays in the text, so what the person types
        // next lands where they clicked (a click is also how a word or a map is selected).
        if (typeof spec?.threadId === 'string') store.setActive(spec.threadId)
        // Never consume the click: the caret still goes where the person clicked.
        return false
      },
    },
    view(view) {
      const id = sectionId()
      const unregister = id === null ? () => {} : store.registerView(id, view, mayChange)
      // A meta-only transaction (no document change, nothing sent to Yjs), after the current Yjs
      // observer, click handler or view update has finished.
      let refreshing = false
      const refreshSoon = (): void => {
        if (refreshing) return
        refreshing = true
        queueMicrotask(() => {
          refreshing = false
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(highlightKey, REFRESH))
        })
      }
      let lastThreads = store.getSnapshot().threads
      let lastActive = store.getSnapshot().activeThreadId
      const unsubscribe = store.subscribe(() => {
        const { threads, activeThreadId } = store.getSnapshot()
        if (threads === lastThreads && activeThreadId === lastActive) return
        lastThreads = threads
        lastActive = activeThreadId
        refreshSoon()
      })
      const report = (): void => {
        const current = sectionId()
        const value = highlightKey.getState(view.state)
        if (current !== null && value) store.reportAnchors(current, places(view.state, value))
      }
      report()
      return {
        update(_view, previous) {
          report()
          // After the Yjs binding has taken the edit (it does so in its own view update), and never in
          // the middle of an IME composition, which a redraw of the text would break.
          if (highlightKey.getState(view.state)?.stale && !view.composing) refreshSoon()
          // The caret moved into highlighted text: that thread becomes active (its card is marked and
          // scrolled to in the panel), so keyboard users see which comment belongs to the text.
          if (!view.hasFocus() || view.state.selection.eq(previous.selection)) return
          const at = view.state.selection.from
          const found = highlightKey.getState(view.state)?.decorations.find(at, at) ?? []
          const spec = found[0]?.spec as Partial<HighlightSpec> | undefined
          if (typeof spec?.threadId === 'string' && spec.threadId !== store.getSnapshot().activeThreadId) {
            store.setActive(spec.threadId)
          }
        },
        destroy() {
          unsubscribe()
          unregister()
          const current = sectionId()
          if (current !== null) store.reportAnchors(current, null)
        },
      }
    },
  })
}
