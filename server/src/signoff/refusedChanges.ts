// Refused changes are kept: the raw update a client sent and the server refused (never applied), plus
// per section the text it tried to add, so the author can get their words back later.
import {
  listSections,
  RefusalReason,
  type RefusedChange,
  type RefusedChangeSection,
  refusedText,
  sectionPlainText,
} from '@novex/shared'
import * as Y from 'yjs'
import type { Db } from '../persistence/database.ts'
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

export function createRefusedChangeStore(db: Db, now: () => number = Date.now): RefusedChangeStore {
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
      const sections = worthText && used < MAX_TEXTS_PER_CONNECTION ? textsOf(room.doc, update) : []
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

/** Applies the refused update to a copy of the document and compares each section's text. */
function textsOf(doc: Y.Doc, update: Uint8Array): RefusedChangeSection[] {
  const copy = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(copy, update)
    const before = new Map(listSections(doc).map((s) => [s.id, `${s.title.toString()}\n${sectionPlainText(s)}`]))
    const out: RefusedChangeSection[] = []
    for (const section of listSections(copy)) {
      const wanted = `${section.title.toString()}\n${sectionPlainText(section)}`
      const text = refusedText(before.get(section.id) ?? '', wanted)
      if (text.length > 0) out.push({ sectionId: section.id, title: section.title.toString(), text })
    }
    return out
  } catch {
    return []
  } finally {
    copy.destroy()
  }
}
