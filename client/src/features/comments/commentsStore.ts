// What the comment UI of one open document shares: the threads (read live from the server-owned
// `comments` map), where each thread's anchor is now (reported by the highlight plugin of the
// section's editor, which alone can resolve it through its binding), and which thread is active
// (clicked in the text or in the panel). One store per Y.Doc; React reads it with
// useSyncExternalStore, the editor plugins subscribe directly.
import { type CommentThread, commentsMap, SECTION_KEYS, sectionsMap } from '@novex/shared'
import type { EditorView } from '@tiptap/pm/view'
import type * as Y from 'yjs'

export type AnchorPlace =
  | { readonly kind: 'range'; readonly from: number; readonly to: number }
  | { readonly kind: 'deleted' }

export type HighlightTextPart = 'title' | 'description'

export interface CommentsSnapshot {
  readonly threads: readonly CommentThread[]
  /** threadId → where its text is; missing while the section's editor has not rendered yet. */
  readonly anchors: ReadonlyMap<string, AnchorPlace>
  /** The thread whose card and highlight are emphasised. */
  readonly activeThreadId: string | null
  /** Bumped when the active thread is chosen in the text: the panel then moves the focus to its card. */
  readonly focusRequest: number
}

export interface CommentsStore {
  readonly doc: Y.Doc
  /** A highlight's tooltip or its description for screen readers, in the interface language of the moment. */
  highlightText(part: HighlightTextPart): string
  getSnapshot(): CommentsSnapshot
  subscribe(listener: () => void): () => void
  /** The section whose `content` is this fragment (null when it is not in the document). */
  sectionIdOf(fragment: Y.XmlFragment): string | null
  /** Called by a section's highlight plugin with every anchor of that section, or null when unknown. */
  reportAnchors(sectionId: string, anchors: ReadonlyMap<string, AnchorPlace> | null): void
  /** A section's editor view, and whether this user may change its text now (edit right, not locked). */
  registerView(sectionId: string, view: EditorView, mayChange: () => boolean): () => void
  viewOf(sectionId: string): EditorView | undefined
  /** Whether this user may change the section's text now; false when its editor is not open. */
  mayChangeText(sectionId: string): boolean
  setActive(threadId: string | null, options?: { focusCard?: boolean }): void
  /** True once for the card asked to take the focus (it may mount only after the request). */
  consumeFocus(threadId: string): boolean
  destroy(): void
}

export function createCommentsStore(doc: Y.Doc, highlightText: (part: HighlightTextPart) => string): CommentsStore {
  const comments = commentsMap(doc)
  const listeners = new Set<() => void>()
  const anchorsBySection = new Map<string, ReadonlyMap<string, AnchorPlace>>()
  const views = new Map<string, { readonly view: EditorView; readonly mayChange: () => boolean }>()
  const sectionOfFragment = new WeakMap<Y.XmlFragment, string>()
  let snapshot: CommentsSnapshot = {
    threads: [...comments.values()],
    anchors: new Map(),
    activeThreadId: null,
    focusRequest: 0,
  }
  let notifyQueued = false
  let pendingFocus: string | null = null

  const notify = (): void => {
    for (const listener of [...listeners]) listener()
  }
  // Plugins report from their view updates, many per keystroke across sections: one render for all.
  const notifySoon = (): void => {
    if (notifyQueued) return
    notifyQueued = true
    queueMicrotask(() => {
      notifyQueued = false
      const anchors = new Map<string, AnchorPlace>()
      for (const places of anchorsBySection.values()) for (const [id, place] of places) anchors.set(id, place)
      snapshot = { ...snapshot, anchors }
      notify()
    })
  }

  const handleComments = (): void => {
    snapshot = { ...snapshot, threads: [...comments.values()] }
    notify()
  }
  comments.observe(handleComments)

  return {
    doc,
    highlightText,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    sectionIdOf(fragment) {
      const known = sectionOfFragment.get(fragment)
      if (known !== undefined) return known
      for (const [id, section] of sectionsMap(doc)) {
        if (section.get(SECTION_KEYS.content) === fragment) {
          sectionOfFragment.set(fragment, id)
          return id
        }
      }
      return null
    },
    reportAnchors(sectionId, anchors) {
      const before = anchorsBySection.get(sectionId)
      if (anchors === null) {
        if (before === undefined) return
        anchorsBySection.delete(sectionId)
      } else {
        if (before !== undefined && samePlaces(before, anchors)) return
        anchorsBySection.set(sectionId, anchors)
      }
      notifySoon()
    },
    registerView(sectionId, view, mayChange) {
      const entry = { view, mayChange }
      views.set(sectionId, entry)
      return () => {
        if (views.get(sectionId) === entry) views.delete(sectionId)
      }
    },
    viewOf: (sectionId) => views.get(sectionId)?.view,
    mayChangeText: (sectionId) => views.get(sectionId)?.mayChange() ?? false,
    setActive(threadId, options = {}) {
      if (options.focusCard) pendingFocus = threadId
      snapshot = {
        ...snapshot,
        activeThreadId: threadId,
        focusRequest: options.focusCard ? snapshot.focusRequest + 1 : snapshot.focusRequest,
      }
      notify()
    },
    consumeFocus(threadId) {
      if (pendingFocus !== threadId) return false
      pendingFocus = null
      return true
    },
    destroy() {
      comments.unobserve(handleComments)
      listeners.clear()
    },
  }
}

function samePlaces(a: ReadonlyMap<string, AnchorPlace>, b: ReadonlyMap<string, AnchorPlace>): boolean {
  if (a.size !== b.size) return false
  for (const [id, place] of a) {
    const other = b.get(id)
    if (other === undefined || other.kind !== place.kind) return false
    if (place.kind === 'range' && other.kind === 'range' && (place.from !== other.from || place.to !== other.to)) {
      return false
    }
  }
  return true
}
