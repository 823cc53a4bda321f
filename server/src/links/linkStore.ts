// The derived link index in SQLite: which section links to which (rebuilt from content), the baseline
// of each link (the target as it was when linked, reviewed or signed), and the last known title of
// every link target, kept for when the target is deleted.
// The links of a document are read after every commit to it (linkService.onCommitted): two queries per
// edit, ~4 % of the server's busy time in `bench:profile many-rooms 200`. They change only through
// `replace` (this process is the only writer of section_links), so reads are kept in memory per document
// and dropped when a replace may have changed them.
import type { Db } from '../persistence/database.ts'

export interface LinkRow {
  readonly sourceDocument: string
  readonly sourceSection: string
  readonly targetDocument: string
  readonly targetSection: string
  readonly context: string
}

export interface Baseline {
  readonly hash: string
  readonly text: string
  readonly at: number
}

export interface TargetInfo {
  readonly title: string
  readonly number: string
  readonly deleted: boolean
}

export interface LinkStore {
  /** Replaces the links of the given source sections with `links`. */
  replace(sourceDocument: string, sourceSections: readonly string[], links: readonly LinkRow[]): void
  from(sourceDocument: string): LinkRow[]
  to(targetDocument: string): LinkRow[]
  /** Sources that link into these sections of a document. */
  linkingTo(targetDocument: string, targetSections: readonly string[]): LinkRow[]
  all(): LinkRow[]
  baseline(link: LinkRow): Baseline | null
  setBaseline(link: LinkRow, baseline: Baseline, reviewedBy: string | null): void
  target(documentId: string, sectionId: string): TargetInfo | null
  setTarget(documentId: string, sectionId: string, info: TargetInfo): void
}

interface Row {
  source_document: string
  source_section: string
  target_document: string
  target_section: string
  context: string
}

const toLink = (row: Row): LinkRow => ({
  sourceDocument: row.source_document,
  sourceSection: row.source_section,
  targetDocument: row.target_document,
  targetSection: row.target_section,
  context: row.context,
})

const COLUMNS = 'source_document, source_section, target_document, target_section, context'
const KEY = 'source_document = ? AND source_section = ? AND target_document = ? AND target_section = ?'

export function createLinkStore(db: Db): LinkStore {
  const deleteSection = db.prepare('DELETE FROM section_links WHERE source_document = ? AND source_section = ?')
  const insert = db.prepare(`INSERT OR IGNORE INTO section_links (${COLUMNS}) VALUES (?, ?, ?, ?, ?)`)
  const from = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM section_links WHERE source_document = ?`)
  const to = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM section_links WHERE target_document = ?`)
  const all = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM section_links`)
  const getBaseline = db.prepare<[string, string, string, string], { hash: string; text: string; at: number }>(
    `SELECT hash, text, at FROM link_baselines WHERE ${KEY}`,
  )
  const putBaseline = db.prepare(
    `INSERT INTO link_baselines (source_document, source_section, target_document, target_section, hash, text, at, reviewed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET hash = excluded.hash, text = excluded.text, at = excluded.at, reviewed_by = excluded.reviewed_by`,
  )
  const getTarget = db.prepare<[string, string], { title: string; number: string; deleted: number }>(
    'SELECT title, number, deleted FROM link_targets WHERE document_id = ? AND section_id = ?',
  )
  const putTarget = db.prepare(
    `INSERT INTO link_targets (document_id, section_id, title, number, deleted) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET title = excluded.title, number = excluded.number, deleted = excluded.deleted`,
  )
  const replace = db.transaction((sourceDocument: string, sections: readonly string[], links: readonly LinkRow[]) => {
    for (const section of sections) deleteSection.run(sourceDocument, section)
    for (const l of links) insert.run(l.sourceDocument, l.sourceSection, l.targetDocument, l.targetSection, l.context)
  })
  const key = (l: LinkRow) => [l.sourceDocument, l.sourceSection, l.targetDocument, l.targetSection] as const
  /** Rows by document as last read from `statement`, read again after `cache` was cleared of it. */
  const cachedRows = (cache: Map<string, readonly LinkRow[]>, statement: typeof from) => (documentId: string) => {
    let rows = cache.get(documentId)
    if (!rows) {
      rows = statement.all(documentId).map(toLink)
      cache.set(documentId, rows)
    }
    return rows
  }
  const fromCache = new Map<string, readonly LinkRow[]>()
  const toCache = new Map<string, readonly LinkRow[]>()
  const linksFrom = cachedRows(fromCache, from)
  const linksTo = cachedRows(toCache, to)
  return {
    replace(sourceDocument, sections, links) {
      try {
        replace(sourceDocument, sections, links)
      } finally {
        // Whatever the outcome: the rows read next come from SQLite. The targets of removed links are
        // not known here without a query, so every document's incoming links are read again.
        fromCache.delete(sourceDocument)
        toCache.clear()
      }
    },
    from: (documentId) => [...linksFrom(documentId)],
    to: (documentId) => [...linksTo(documentId)],
    linkingTo(documentId, sections) {
      const wanted = new Set(sections)
      return linksTo(documentId).filter((link) => wanted.has(link.targetSection))
    },
    all: () => all.all().map(toLink),
    baseline: (link) => getBaseline.get(...key(link)) ?? null,
    setBaseline: (link, b, reviewedBy) => putBaseline.run(...key(link), b.hash, b.text, b.at, reviewedBy),
    target(documentId, sectionId) {
      const row = getTarget.get(documentId, sectionId)
      return row ? { title: row.title, number: row.number, deleted: row.deleted === 1 } : null
    },
    setTarget: (documentId, sectionId, info) =>
      putTarget.run(documentId, sectionId, info.title, info.number, info.deleted ? 1 : 0),
  }
}
