// The canonical form of a section that a signature covers: its title and its content as ProseMirror
// JSON (node types, attributes and marks), built from the Y types alone. It leaves out everything that
// is not the text itself: Yjs ids and clocks, comment anchors (relative positions, never marks) and how
// the text happens to be split into structs. So the same text gives the same form after compaction, a
// restore or a rebuild from another replica.
import * as Y from 'yjs'
import type { SectionView } from '../ydoc/schema.ts'

export interface CanonicalMark {
  readonly type: string
  readonly attrs?: Readonly<Record<string, unknown>>
}

export type CanonicalNode =
  | { readonly type: 'text'; readonly text: string; readonly marks?: readonly CanonicalMark[] }
  | {
      readonly type: string
      readonly attrs?: Readonly<Record<string, unknown>>
      readonly content?: readonly CanonicalNode[]
    }

export interface CanonicalSection {
  readonly title: string
  readonly content: readonly CanonicalNode[]
}

export function canonicalSection(section: Pick<SectionView, 'title' | 'content'>): CanonicalSection {
  return { title: section.title.toString(), content: canonicalChildren(section.content) }
}

/** A fragment's children as ProseMirror JSON nodes. */
export function canonicalChildren(parent: Y.XmlFragment | Y.XmlElement): CanonicalNode[] {
  const out: CanonicalNode[] = []
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) out.push(canonicalElement(child))
    else if (child instanceof Y.XmlText) appendText(out, child)
  }
  return out
}

function canonicalElement(element: Y.XmlElement): CanonicalNode {
  const attrs = definedAttributes(element.getAttributes())
  const content = canonicalChildren(element)
  return {
    type: element.nodeName,
    ...(attrs ? { attrs } : {}),
    ...(content.length > 0 ? { content } : {}),
  }
}

interface DeltaOp {
  readonly insert?: unknown
  readonly attributes?: Record<string, unknown>
}

function appendText(out: CanonicalNode[], text: Y.XmlText): void {
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== 'string') {
      if (op.insert !== undefined) out.push({ type: 'embed', attrs: { value: op.insert } })
      continue
    }
    if (op.insert.length === 0) continue
    const marks = canonicalMarks(op.attributes)
    const previous = out.at(-1)
    // Neighbouring runs with the same marks are one run, however Yjs split them.
    if (previous && previous.type === 'text' && 'text' in previous && sameMarks(previous.marks, marks)) {
      out[out.length - 1] = { ...previous, text: previous.text + op.insert }
      continue
    }
    out.push({ type: 'text', text: op.insert, ...(marks ? { marks } : {}) })
  }
}

function canonicalMarks(attributes: Record<string, unknown> | undefined): CanonicalMark[] | undefined {
  if (!attributes) return undefined
  const marks: CanonicalMark[] = []
  for (const [type, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue
    const attrs = typeof value === 'object' ? definedAttributes(value as Record<string, unknown>) : undefined
    marks.push({ type, ...(attrs ? { attrs } : {}) })
  }
  marks.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))
  return marks.length > 0 ? marks : undefined
}

function definedAttributes(attributes: Record<string, unknown>): Record<string, unknown> | undefined {
  const entries = Object.entries(attributes).filter(([, value]) => value !== null && value !== undefined)
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

function sameMarks(a: readonly CanonicalMark[] | undefined, b: readonly CanonicalMark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? [])
}
