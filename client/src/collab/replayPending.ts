// After the server refused a change, the page rebuilds its document from the server's state with a
// fresh client id (the old document holds structs the server will never accept). This module carries
// the user's work over: everything the old document has that the server lacks ("pending") is merged
// with the server's state in a scratch document (the user's intent), and then every section the
// server still lets us change is made equal to the intent by ordinary edits in the rebuilt document,
// under the new client id. What a locked (signed-off) section would have received is not written but
// reported, so the page can show it and nothing is lost silently.
//
// Policy per section (id in the intent and/or in the rebuilt document; "locked" is read from the
// server-owned sign-off mirror of the rebuilt document):
//   in both, open     title (text diff), content (ProseMirror node diff), rank, parent, component
//   in both, locked   only the rank (the gate lets a locked section move); the added text is refused
//   only in intent    created (the user added it)
//   only in rebuilt   deleted (the user deleted it), unless locked
import {
  createSection,
  getSection,
  isFrozen,
  isLocked,
  readSignoff,
  SECTION_KEYS,
  type SectionId,
  type SectionView,
  sectionsMap,
} from '@novex/shared'
import type { Schema } from '@tiptap/pm/model'
import {
  prosemirrorToYXmlFragment,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
  yXmlFragmentToProsemirrorJSON,
} from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { addedText } from './addedText.ts'
import { applyTextChange } from './titleBinding.ts'

export interface RefusedSection {
  readonly sectionId: string
  /** The section's title as the user last saw it (the intent). */
  readonly title: string
  /** Text the user added to the title. */
  readonly titleText: string
  /** Text the user added to the content, paragraphs on separate lines. */
  readonly text: string
  /**
   * locked: the section is signed off; frozen: the whole document lies ter instemming or is adopted;
   * unsupported: content this client cannot rewrite safely.
   */
  readonly why: 'locked' | 'frozen' | 'unsupported'
}

export interface ReplayReport {
  /** Sections the replay wrote to. */
  readonly replayed: readonly string[]
  readonly refused: readonly RefusedSection[]
}

export interface ReplayInput {
  /** The document whose changes the server refused. It is read, never changed. */
  readonly previous: Y.Doc
  /** A document holding exactly the server's state: synced, without local changes yet. */
  readonly rebuilt: Y.Doc
  readonly schema: Schema
  /** Transaction origin of the replay in `rebuilt`. */
  readonly origin: unknown
}

export function replayPending({ previous, rebuilt, schema, origin }: ReplayInput): ReplayReport {
  const serverVector = Y.encodeStateVector(rebuilt)
  const known = Y.decodeStateVector(serverVector)
  const intent = new Y.Doc()
  Y.applyUpdate(intent, Y.encodeStateAsUpdate(rebuilt))
  Y.applyUpdate(intent, Y.encodeStateAsUpdate(previous, serverVector))

  const replayed = new Set<string>()
  const refused: RefusedSection[] = []
  const ids = new Set<string>([...sectionsMap(intent).keys(), ...sectionsMap(rebuilt).keys()])
  // A document that lies ter instemming (or is adopted) takes no change at all: report it all.
  if (isFrozen(rebuilt)) {
    for (const id of ids) {
      const wanted = getSection(intent, id as SectionId)
      const current = getSection(rebuilt, id as SectionId)
      if (wanted && !(current && sameSection(current, wanted))) refused.push(refusedSection(wanted, known, 'frozen'))
    }
    intent.destroy()
    return { replayed: [], refused }
  }
  try {
    rebuilt.transact(() => {
      for (const id of ids) {
        const wanted = getSection(intent, id as SectionId)
        const current = getSection(rebuilt, id as SectionId)
        const locked = isLocked(readSignoff(rebuilt, id))
        if (wanted && current && locked) {
          if (copyField(current, wanted, SECTION_KEYS.rank)) replayed.add(id)
          if (!sameSection(current, wanted)) refused.push(refusedSection(wanted, known, 'locked'))
        } else if (wanted && current) {
          const outcome = converge(rebuilt, current, wanted, schema, origin)
          if (outcome.wrote) replayed.add(id)
          if (outcome.unsupported) refused.push(refusedSection(wanted, known, 'unsupported'))
        } else if (wanted) {
          createSection(rebuilt, {
            id: wanted.id,
            title: wanted.title.toString(),
            rank: wanted.rank,
            component: wanted.component,
            parent: wanted.parent,
          })
          const created = getSection(rebuilt, wanted.id)
          if (created && convergeContent(rebuilt, created.content, wanted.content, schema) === 'unsupported') {
            refused.push(refusedSection(wanted, known, 'unsupported'))
          }
          replayed.add(id)
        } else if (current && !locked && !sectionsMap(intent).has(id)) {
          // The intent holds everything the server has, so a section it lacks was deleted by the user.
          sectionsMap(rebuilt).delete(id)
          replayed.add(id)
        }
      }
    }, origin)
  } finally {
    intent.destroy()
  }
  return { replayed: [...replayed], refused }
}

function converge(
  doc: Y.Doc,
  current: SectionView,
  wanted: SectionView,
  schema: Schema,
  origin: unknown,
): { wrote: boolean; unsupported: boolean } {
  let wrote = false
  const title = wanted.title.toString()
  if (current.title.toString() !== title) {
    applyTextChange(current.title, title, origin)
    wrote = true
  }
  for (const key of [SECTION_KEYS.rank, SECTION_KEYS.parent, SECTION_KEYS.component]) {
    if (copyField(current, wanted, key)) wrote = true
  }
  const content = convergeContent(doc, current.content, wanted.content, schema)
  return { wrote: wrote || content === 'replayed', unsupported: content === 'unsupported' }
}

/** Copies a plain field of a section map; true if it differed. */
function copyField(current: SectionView, wanted: SectionView, key: string): boolean {
  const value = wanted.map.get(key) ?? null
  if ((current.map.get(key) ?? null) === value) return false
  current.map.set(key, value)
  return true
}

/**
 * Makes `target` hold what `source` holds, with as few edits as y-prosemirror's own editor binding
 * would make (unchanged paragraphs and characters keep their identity, so a concurrent edit by
 * someone else in the same section survives). Refuses, without writing, when going through the
 * schema would lose something: y-prosemirror drops nodes its schema does not know.
 */
function convergeContent(
  doc: Y.Doc,
  target: Y.XmlFragment,
  source: Y.XmlFragment,
  schema: Schema,
): 'same' | 'replayed' | 'unsupported' {
  if (sameContent(target, source)) return 'same'
  const expected = skeleton(source)
  const scratch = new Y.Doc()
  try {
    // A copy: on a node it cannot build, y-prosemirror deletes it from the fragment it reads, and
    // the intent must keep it for the refused text.
    const copy = scratch.getXmlFragment('copy')
    // A hook has no ProseMirror node: left out here, it makes the skeletons differ below.
    const children = source
      .toArray()
      .filter((child): child is Y.XmlElement | Y.XmlText => !(child instanceof Y.XmlHook))
    copy.insert(
      0,
      children.map((child) => child.clone()),
    )
    const node = yXmlFragmentToProseMirrorRootNode(copy, schema)
    if (skeleton(prosemirrorToYXmlFragment(node, scratch.getXmlFragment('check'))) !== expected) return 'unsupported'
    updateYFragment(doc, target, node, { mapping: new Map(), isOMark: new Map() })
    return 'replayed'
  } finally {
    scratch.destroy()
  }
}

/** Node names and text of a fragment, the parts a lossy conversion would drop. */
function skeleton(type: Y.XmlFragment | Y.XmlElement): string {
  const parts: string[] = []
  let text = ''
  const flush = (): void => {
    if (text !== '') parts.push(JSON.stringify(text))
    text = ''
  }
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown }[]) {
        text += typeof op.insert === 'string' ? op.insert : '\uFFFC'
      }
    } else {
      flush()
      parts.push(child instanceof Y.XmlElement ? `<${child.nodeName}>${skeleton(child)}</>` : '<?>')
    }
  }
  flush()
  return parts.join('')
}

function sameSection(a: SectionView, b: SectionView): boolean {
  return a.title.toString() === b.title.toString() && sameContent(a.content, b.content)
}

function sameContent(a: Y.XmlFragment, b: Y.XmlFragment): boolean {
  return JSON.stringify(yXmlFragmentToProsemirrorJSON(a)) === JSON.stringify(yXmlFragmentToProsemirrorJSON(b))
}

function refusedSection(
  wanted: SectionView,
  known: ReadonlyMap<number, number>,
  why: RefusedSection['why'],
): RefusedSection {
  return {
    sectionId: wanted.id,
    title: wanted.title.toString(),
    titleText: addedText(wanted.title, known),
    text: addedText(wanted.content, known),
    why,
  }
}
