// The documents table: which documents exist, their kind, title and area or province.
import { type DocumentKind, isDocumentKind } from '@novex/shared'
import type { Db } from './database.ts'

export interface DocumentRecord {
  readonly id: string
  readonly kind: DocumentKind
  readonly title: string
  readonly areaId: string | null
  readonly provinceId: string | null
}

export interface DocumentCatalog {
  list(): DocumentRecord[]
  get(id: string): DocumentRecord | null
  create(record: DocumentRecord): void
  count(): number
}

interface Row {
  id: string
  kind: string
  title: string
  area_id: string | null
  province_id: string | null
}

export function createDocumentCatalog(db: Db, now: () => number = Date.now): DocumentCatalog {
  const selectAll = db.prepare<[], Row>(
    'SELECT id, kind, title, area_id, province_id FROM documents ORDER BY kind, title',
  )
  const selectOne = db.prepare<[string], Row>(
    'SELECT id, kind, title, area_id, province_id FROM documents WHERE id = ?',
  )
  const insert = db.prepare<[string, string, string, string | null, string | null, number]>(
    'INSERT INTO documents (id, kind, title, area_id, province_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents')
  const toRecord = (row: Row): DocumentRecord => {
    if (!isDocumentKind(row.kind)) throw new Error(`document ${row.id} has unknown kind ${row.kind}`)
    return { id: row.id, kind: row.kind, title: row.title, areaId: row.area_id, provinceId: row.province_id }
  }
  return {
    list: () => selectAll.all().map(toRecord),
    get: (id) => {
      const row = selectOne.get(id)
      return row ? toRecord(row) : null
    },
    create: (r) => {
      insert.run(r.id, r.kind, r.title, r.areaId, r.provinceId, now())
    },
    count: () => countAll.get()?.n ?? 0,
  }
}
