// A thread's anchor: two Y.RelativePositions into the section's `content` fragment (base64 of
// Y.encodeRelativePosition), computed from and resolved to ProseMirror positions through the
// ySyncPlugin's binding mapping (the same API the collaboration carets use). The start sticks to
// the first selected character (assoc 0) and the end to the last (assoc -1), so text typed just
// before or after the range does not join it, and deleting the whole range collapses both ends.
// An end at the edge of an image (a map selected on its own, or a range that starts or ends with one)
// sticks to the image's own Yjs element instead, so the comment stays on the map while text is written
// around it, and reads as deleted once the map is removed.
import { type CommentAnchor, IMAGE_NODE, isDeletedType } from '@novex/shared'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState } from '@tiptap/pm/state'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { hasContent } from './commentRange.ts'

/** The binding's Y type → ProseMirror node map (y-tiptap does not export its name for it). */
type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3]

/** What the ySyncPlugin keeps in its state; only the parts read here. */
interface YSyncState {
  readonly doc: Y.Doc
  readonly type: Y.XmlFragment
  readonly binding: { readonly mapping: ProsemirrorMapping } | null
}

function isYSyncState(value: unknown): value is YSyncState {
  if (typeof value !== 'object' || value === null) return false
  const state = value as Partial<Record<keyof YSyncState, unknown>>
  return state.doc instanceof Y.Doc && state.type instanceof Y.XmlFragment
}

/** The binding of an editor, once it has rendered the fragment (before that, nothing resolves). */
export function syncBinding(
  state: EditorState,
): { doc: Y.Doc; type: Y.XmlFragment; mapping: ProsemirrorMapping } | null {
  const ystate: unknown = ySyncPluginKey.getState(state)
  if (!isYSyncState(ystate) || ystate.binding === null || ystate.binding === undefined) return null
  const mapping = ystate.binding.mapping
  // An empty mapping with a non-empty fragment: the first render has not happened yet.
  if (mapping.size === 0 && ystate.type.length > 0) return null
  return { doc: ystate.doc, type: ystate.type, mapping }
}

export function encodeRelativePosition(position: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(position)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

export function decodeRelativePosition(base64: string): Y.RelativePosition | null {
  try {
    const binary = atob(base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return Y.decodeRelativePosition(bytes)
  } catch {
    // A malformed anchor (never written by this client) resolves to nothing: the thread shows its quote.
    return null
  }
}

/** The same place as `position`, but sticking to the other side (`assoc`), when it is inside a text. */
function withAssoc(position: Y.RelativePosition, doc: Y.Doc, assoc: number): Y.RelativePosition {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc, false)
  if (absolute === null || !(absolute.type instanceof Y.XmlText)) return position
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc)
}

/**
 * The anchor moved onto the copy of its text that this page's own undo restored: each end resolved the
 * way Yjs does by default (following the deleted text to its restored copy) and tied to the same place in
 * the copy, sticking to the same side. Taken from Yjs alone, not through the editor's mapping.
 */
export function anchorOnRestoredText(doc: Y.Doc, anchor: CommentAnchor): CommentAnchor | null {
  const follow = (part: string): string | null => {
    const position = decodeRelativePosition(part)
    if (position === null) return null
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc, true)
    if (absolute === null) return null
    return encodeRelativePosition(Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, position.assoc))
  }
  const start = follow(anchor.start)
  const end = follow(anchor.end)
  return start === null || end === null ? null : { start, end }
}

/** The Yjs element the binding rendered as `node` (the mapping goes from Yjs to ProseMirror only). */
function elementOf(mapping: ProsemirrorMapping, node: ProseMirrorNode): Y.XmlElement | null {
  for (const [type, mapped] of mapping) if (mapped === node && type instanceof Y.XmlElement) return type
  return null
}

/**
 * The place right before (start) or right after (end) an image, tied to the image's element: the start
 * to the element itself (assoc 0), the end to the element on its left (assoc -1).
 */
function imageEdge(
  mapping: ProsemirrorMapping,
  image: ProseMirrorNode,
  edge: 'start' | 'end',
): Y.RelativePosition | null {
  const element = elementOf(mapping, image)
  const parent = element?.parent
  if (element === null || !(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) return null
  const index = parent.toArray().indexOf(element)
  if (index < 0) return null
  return edge === 'start'
    ? Y.createRelativePositionFromTypeIndex(parent, index, 0)
    : Y.createRelativePositionFromTypeIndex(parent, index + 1, -1)
}

/** The anchor of the ProseMirror range from..to, or null when the editor is not bound yet. */
export function anchorFromRange(state: EditorState, from: number, to: number): CommentAnchor | null {
  const binding = syncBinding(state)
  if (binding === null) return null
  const after = state.doc.resolve(from).nodeAfter
  const before = state.doc.resolve(to).nodeBefore
  const start =
    (after?.type.name === IMAGE_NODE ? imageEdge(binding.mapping, after, 'start') : null) ??
    withAssoc(absolutePositionToRelativePosition(from, binding.type, binding.mapping), binding.doc, 0)
  const end =
    (before?.type.name === IMAGE_NODE ? imageEdge(binding.mapping, before, 'end') : null) ??
    withAssoc(absolutePositionToRelativePosition(to, binding.type, binding.mapping), binding.doc, -1)
  return { start: encodeRelativePosition(start), end: encodeRelativePosition(end) }
}

export type ResolvedAnchor =
  | { readonly kind: 'range'; readonly from: number; readonly to: number }
  /** Both ends meet (the text was deleted), or they no longer resolve into this editor. */
  | { readonly kind: 'deleted' }

/**
 * A relative position as a ProseMirror position, the same on every page and on the server. Yjs by
 * default follows deleted text to the copy this page's own undo restored (a record only this page
 * keeps), so the page that pressed Ctrl+Z would show a highlight that every other page, a page opened
 * later and the export show as deleted; the position is resolved without that, and handed to y-tiptap
 * as a position on the text that is there now.
 * y-tiptap takes an item-based position that lands on one of the first two document positions for
 * "misresolved" and answers null, so a comment on the very first words of a section would read as
 * deleted; the start of a text is asked for again as the type-based "start of this text".
 */
function toAbsolute(
  binding: NonNullable<ReturnType<typeof syncBinding>>,
  position: Y.RelativePosition,
  followUndo = false,
): number | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, binding.doc, followUndo)
  if (absolute === null || isDeletedType(absolute.type)) return null
  const resolve = (live: Y.RelativePosition): number | null =>
    relativePositionToAbsolutePosition(binding.doc, binding.type, live, binding.mapping)
  const direct = resolve(Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, position.assoc))
  if (direct !== null || !(absolute.type instanceof Y.XmlText) || absolute.index !== 0) return direct
  return resolve(Y.createRelativePositionFromTypeIndex(absolute.type, 0, -1))
}

/**
 * Where an anchor is in the editor now. With `followUndo`, deleted text is followed to the copy this
 * page's own Ctrl+Z restored (only for handing the thread over to that copy: restoredAnchors.ts).
 */
export function resolveAnchor(
  state: EditorState,
  binding: NonNullable<ReturnType<typeof syncBinding>>,
  anchor: CommentAnchor,
  followUndo = false,
): ResolvedAnchor {
  const start = decodeRelativePosition(anchor.start)
  const end = decodeRelativePosition(anchor.end)
  if (start === null || end === null) return { kind: 'deleted' }
  const from = toAbsolute(binding, start, followUndo)
  const to = toAbsolute(binding, end, followUndo)
  if (from === null || to === null) return { kind: 'deleted' }
  const size = state.doc.content.size
  const a = Math.max(0, Math.min(from, size))
  const b = Math.max(0, Math.min(to, size))
  // Only block boundaries left between the ends (the text or the map itself went) counts as deleted too.
  if (!hasContent(state.doc, a, b)) return { kind: 'deleted' }
  return { kind: 'range', from: a, to: b }
}
