// Refused changes are kept: the raw update a client sent and the server refused (never applied), plus
// per section the text it tried to add, so the author can get their words back later. A section link
// the change added is part of that text, named in words ("[koppeling: § 4 Wonen en verstedelijking
// (Ruimtelijk voorstel Noord-Brabant)]", links/knownLinkName.ts): a link holds no text of its own, and a
// change that only added one would otherwise keep nothing to show.
import {
  type LinkedSection,
  listSections,
  RefusalReason,
  type RefusedChange,
  type RefusedChangeSection,
  refusedText,
  sectionTitledRuns,
} from '@novex/shared'
import * as Y from 'yjs'
import { type KnownLinkDeps, knownLinkName } from '../links/knownLinkName.ts'
import type { Db } from '../persistence/database.ts'
import { linkPlaceholders, UNNAMED_LINK } from '../review/linkPlaceholders.ts'
import type { Peer } from '../rooms/peer.ts'
import type { Room } from '../rooms/room.ts'

export interface RefusedChangeStore {
  /** Keeps a refused update; throws when the database cannot be written. */
  record(room: Room, peer: Peer, update: Uint8Array, reason: string): void
  listFor(documentId: string, userId: string): RefusedChange[]
}

/** Working out the text costs a copy of the document: only for updates of a sane size, a few per connection. */
const MAX_TEXT_UPDATE_BYTES = 512 * 1024
const MAX_TEXTS_PER_CONNECTION = 20
const LIST_LIMIT = 50
const TEXT_REASONS: ReadonlySet<string> = new Set([RefusalReason.locked, RefusalReason.readOnly])

/** `links`: to name the links of a refused text; without it a link reads "[koppeling]". */
export function createRefusedChangeStore(
  db: Db,
  now: () => number = Date.now,
  links: KnownLinkDeps | null = null,
): RefusedChangeStore {
  const insert = db.prepare(
    'INSERT INTO refused_changes (document_id, user_id, at, reason, sections, update_data) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const select = db.prepare<[string, string, number], { id: number; at: number; reason: string; sections: string }>(
    `SELECT id, at, reason, sections FROM refused_changes WHERE document_id = ? AND user_id = ?
     ORDER BY id DESC LIMIT ?`,
  )
  const textsPerPeer = new WeakMap<Peer, number>()
  return {
    record(room, peer, update, reason) {
      // Refused because the document cannot be stored: the client keeps the change and sends it again
      // once the document is writable; writing a copy here would fail (or wait for the lock) as well.
      if (reason === RefusalReason.storage) return
      const used = textsPerPeer.get(peer) ?? 0
      // Locked: typed into a section just signed. Read-only: typed while the role was taken away (the page
      // offers to drop it afterwards, see the client's DiscardUnsaved). Both are someone's words.
      const worthText = TEXT_REASONS.has(reason) && update.length <= MAX_TEXT_UPDATE_BYTES
      const sections =
        worthText && used < MAX_TEXTS_PER_CONNECTION
          ? textsOf(room.doc, update, nameLink(links, peer.user.id, room.id))
          : []
      if (worthText) textsPerPeer.set(peer, used + 1)
      insert.run(room.id, peer.user.id, now(), reason, JSON.stringify(sections), update)
    },
    listFor(documentId, userId) {
      return select.all(documentId, userId, LIST_LIMIT).map((row) => ({
        id: row.id,
        at: row.at,
        reason: row.reason,
        sections: JSON.parse(row.sections) as RefusedChangeSection[],
      }))
    },
  }
}

type NameLink = (doc: Y.Doc, link: LinkedSection) => string

function nameLink(links: KnownLinkDeps | null, userId: string, documentId: string): NameLink {
  return (doc, link) => (links ? knownLinkName(links, userId, doc, documentId, link) : UNNAMED_LINK)
}

/**
 * Applies the refused update to a copy of the document and compares each section's text, each link in
 * it standing as one character while they are compared (as in a version comparison), then named.
 */
function textsOf(doc: Y.Doc, update: Uint8Array, name: NameLink): RefusedChangeSection[] {
  const copy = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(copy, update)
    const before = new Map(listSections(doc).map((s) => [s.id, sectionTitledRuns(s)]))
    const after = listSections(copy).map((section) => ({ section, runs: sectionTitledRuns(section) }))
    const links = linkPlaceholders([...before.values(), ...after.map((a) => a.runs)])
    const out: RefusedChangeSection[] = []
    for (const { section, runs } of after) {
      const added = refusedText(links.text(before.get(section.id) ?? []), links.text(runs))
      const text = links
        .expand([{ value: added }])
        .map((part) => (part.link ? name(copy, part.link) : part.value))
        .join('')
      if (text.length > 0) out.push({ sectionId: section.id, title: section.title.toString(), text })
    }
    return out
  } catch {
    return []
  } finally {
    copy.destroy()
  }
}
