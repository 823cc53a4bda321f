// Resolves what an update touches, before it is applied: every struct and every delete range is walked
// up to its root key and, under `sections`, to its section id and field. Lookups are binary searches
// in the server's store (Y.getItem) or in the update itself, so the cost follows the update's size,
// not the document's. A reference the server cannot resolve makes the whole update unresolved.
// New items inside a section's content are also returned with the type they land in, for the content
// policy (which nodes, marks and attributes may be stored).
import { DOC_KEYS, SECTION_KEYS } from '@novex/shared'
import * as Y from 'yjs'

/** Where one part of an update lands. `path` is the chain of map keys below the root (null = list item). */
export interface Touch {
  readonly root: string
  /** Under `sections`: the section id (the key of the section map entry). */
  readonly sectionId: string | null
  /** Under a section: the field (`title`, `content`, `rank`, …), or null for the section entry itself. */
  readonly field: string | null
}

/** A new item that lands inside a section's content fragment, and the type it lands in. */
export interface ContentItem {
  readonly item: Y.Item
  /** The Y.XmlFragment (the content itself), a Y.XmlElement or a Y.XmlText; or another type if forged. */
  readonly parent: Y.AbstractType<unknown>
  /**
   * The key the item sets in its parent (an element's attribute name), or null for a child in the list.
   * Not `item.parentSub`: an item that overwrites a key (a heading's level changed, cells merged) has
   * the previous value as its origin, and the encoding then leaves out its parent and key.
   */
  readonly key: string | null
}

export type Resolution =
  | {
      readonly ok: true
      readonly touches: readonly Touch[]
      readonly clients: readonly number[]
      /** New items that set a section's `content` field (the fragment a section's editor binds to). */
      readonly contentRoots: readonly Y.Item[]
      /** New items inside a section's content. */
      readonly contentItems: readonly ContentItem[]
    }
  | { readonly ok: false; readonly reason: string }

type Chain = { root: string; keys: (string | null)[] } | 'gone'

/** Nesting deeper than this is not a document we write; refuse rather than walk on. */
const MAX_DEPTH = 64

class Unresolved extends Error {}

export function resolveUpdate(doc: Y.Doc, update: Uint8Array): Resolution {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return { ok: false, reason: 'Het bericht is geen geldige Yjs-update.' }
  }
  const incoming = indexByClient(decoded.structs)
  const memo = new Map<Y.Item, Chain>()
  const touches = new Map<string, Touch>()
  const clients = new Set<number>()
  const contentRoots: Y.Item[] = []
  const contentItems: ContentItem[] = []
  const parents = new Map<Y.Item, Y.AbstractType<unknown> | 'gone'>()

  const add = (chain: Chain): void => {
    if (chain === 'gone') return
    const sectionId = chain.root === DOC_KEYS.sections ? (chain.keys[0] ?? null) : null
    const field = chain.root === DOC_KEYS.sections ? (chain.keys[1] ?? null) : null
    const key = `${chain.root}\u0000${sectionId}\u0000${field}`
    if (!touches.has(key)) touches.set(key, { root: chain.root, sectionId, field })
  }

  const lookup = (id: Y.ID): Y.Item | 'gone' => {
    const fresh = findIncoming(incoming, id)
    if (fresh !== null) return fresh instanceof Y.Item ? fresh : 'gone'
    if (id.clock >= Y.getState(doc.store, id.client)) throw new Unresolved()
    const known: Y.Item | Y.GC = Y.getItem(doc.store, id)
    return known instanceof Y.Item ? known : 'gone'
  }

  const chainOf = (item: Y.Item, depth: number): Chain => {
    if (depth > MAX_DEPTH) throw new Unresolved()
    const cached = memo.get(item)
    if (cached !== undefined) return cached
    const chain = isIntegrated(doc, item) ? chainOfIntegrated(item) : chainOfIncoming(item, depth)
    memo.set(item, chain)
    return chain
  }

  const chainOfIncoming = (item: Y.Item, depth: number): Chain => {
    const parent: unknown = item.parent
    if (typeof parent === 'string') return { root: parent, keys: [item.parentSub] }
    if (parent instanceof Y.ID) {
      const parentItem = lookup(parent)
      if (parentItem === 'gone') return 'gone'
      const above = chainOf(parentItem, depth + 1)
      return above === 'gone' ? 'gone' : { root: above.root, keys: [...above.keys, item.parentSub] }
    }
    // Parent and key are left out of the encoding when a neighbour carries them.
    const neighbour = item.origin ?? item.rightOrigin
    if (neighbour === null) throw new Unresolved()
    const sibling = lookup(neighbour)
    return sibling === 'gone' ? 'gone' : chainOf(sibling, depth + 1)
  }

  /** The type an incoming item lands in (its parent, or its neighbour's when the encoding left it out). */
  const parentTypeOf = (item: Y.Item, depth: number): Y.AbstractType<unknown> | 'gone' => {
    if (depth > MAX_DEPTH) throw new Unresolved()
    const parent: unknown = item.parent
    if (parent instanceof Y.AbstractType) return parent
    const cached = parents.get(item)
    if (cached !== undefined) return cached
    let found: Y.AbstractType<unknown> | 'gone'
    if (parent instanceof Y.ID) {
      const parentItem = lookup(parent)
      if (parentItem === 'gone' || parentItem.content instanceof Y.ContentDeleted) found = 'gone'
      else if (parentItem.content instanceof Y.ContentType) found = parentItem.content.type
      else throw new Unresolved()
    } else {
      const neighbour = item.origin ?? item.rightOrigin
      if (neighbour === null) throw new Unresolved()
      const sibling = lookup(neighbour)
      found = sibling === 'gone' ? 'gone' : parentTypeOf(sibling, depth + 1)
    }
    parents.set(item, found)
    return found
  }

  /** Remembers items that land in a section's content (or set it) for the content policy. */
  const collectContent = (item: Y.Item, chain: Chain): void => {
    if (chain === 'gone' || chain.root !== DOC_KEYS.sections || chain.keys[1] !== SECTION_KEYS.content) return
    if (chain.keys.length === 2) {
      contentRoots.push(item)
      return
    }
    const parent = parentTypeOf(item, 0)
    // The chain ends with the item's own key, taken from its neighbour when the encoding left it out.
    if (parent !== 'gone') contentItems.push({ item, parent, key: chain.keys.at(-1) ?? null })
  }

  try {
    // Each client's new structs must continue where the server's clock for that client stands: Yjs
    // would keep structs after a gap as pending in the server's document, and every later sync would
    // hand them on to other clients (who then send them back under someone else's client id).
    for (const [client, list] of incoming) {
      let next = Y.getState(doc.store, client)
      for (const struct of list) {
        if (struct instanceof Y.Skip) continue
        if (struct.id.clock > next) throw new Unresolved()
        next = Math.max(next, struct.id.clock + struct.length)
      }
    }
    for (const struct of decoded.structs) {
      // A struct the server already has changes nothing when applied (a client resending what it
      // got, e.g. a reopened page's local copy): it neither touches a section nor claims its client id.
      if (struct instanceof Y.Skip || isKnown(doc, struct)) continue
      // A GC struct touches no section, but it claims its client's clocks as much as an item does: laid
      // over another user's next clocks it would make the server drop that user's edits as known.
      clients.add(struct.id.client)
      if (struct instanceof Y.Item) {
        const chain = chainOf(struct, 0)
        add(chain)
        collectContent(struct, chain)
      }
    }
    for (const [client, ranges] of decoded.ds.clients) {
      for (const range of ranges) {
        let clock = range.clock
        const end = range.clock + range.len
        while (clock < end) {
          const struct = lookupStruct(doc, incoming, client, clock)
          // Deleting what is already deleted changes nothing.
          if (struct instanceof Y.Item && !(struct.deleted && isIntegrated(doc, struct))) add(chainOf(struct, 0))
          clock = struct.id.clock + struct.length
        }
      }
    }
  } catch (error) {
    if (error instanceof Unresolved)
      return { ok: false, reason: 'De update verwijst naar inhoud die de server niet kent.' }
    throw error
  }
  return { ok: true, touches: [...touches.values()], clients: [...clients], contentRoots, contentItems }
}

function isKnown(doc: Y.Doc, struct: Y.Item | Y.GC): boolean {
  return struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)
}

function isIntegrated(doc: Y.Doc, item: Y.Item): boolean {
  return item.parent instanceof Y.AbstractType && item.id.clock < Y.getState(doc.store, item.id.client)
}

/** An item already in the document: walk the type tree up to the root. */
function chainOfIntegrated(item: Y.Item): Chain {
  const keys: (string | null)[] = []
  let current: Y.Item = item
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    keys.unshift(current.parentSub)
    const parent = current.parent
    if (!(parent instanceof Y.AbstractType)) return 'gone'
    if (parent._item === null) return { root: Y.findRootTypeKey(parent), keys }
    current = parent._item
  }
  throw new Unresolved()
}

type IncomingIndex = Map<number, (Y.Item | Y.GC | Y.Skip)[]>

function indexByClient(structs: readonly (Y.Item | Y.GC | Y.Skip)[]): IncomingIndex {
  const index: IncomingIndex = new Map()
  for (const struct of structs) {
    const list = index.get(struct.id.client) ?? []
    list.push(struct)
    index.set(struct.id.client, list)
  }
  for (const list of index.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  return index
}

function findIncoming(index: IncomingIndex, id: Y.ID): Y.Item | Y.GC | Y.Skip | null {
  const list = index.get(id.client)
  if (!list) return null
  let low = 0
  let high = list.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const struct = list[mid] as Y.Item | Y.GC | Y.Skip
    if (id.clock < struct.id.clock) high = mid - 1
    else if (id.clock >= struct.id.clock + struct.length) low = mid + 1
    else return struct instanceof Y.Skip ? null : struct
  }
  return null
}

/** The struct holding `clock` of `client`, in the update or in the store; throws when neither has it. */
function lookupStruct(doc: Y.Doc, index: IncomingIndex, client: number, clock: number): Y.Item | Y.GC {
  const fresh = findIncoming(index, Y.createID(client, clock))
  if (fresh !== null && !(fresh instanceof Y.Skip)) return fresh
  if (clock >= Y.getState(doc.store, client)) throw new Unresolved()
  // Y.getItem is typed as Item, but a collected range is a GC struct; below the state it always finds one.
  return Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC
}
