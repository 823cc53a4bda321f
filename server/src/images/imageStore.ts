// The images uploaded to documents, in SQLite (document_images): bytes, media type and pixel size, under
// the SHA-256 of the bytes, so the same map uploaded twice is stored once and an address never shows
// other bytes than it did when a section was signed.
import type { ImageId, ImageMediaType } from '@novex/shared'
import type { Db } from '../persistence/database.ts'

export interface StoredImage {
  readonly imageId: ImageId
  readonly mediaType: ImageMediaType
  readonly width: number
  readonly height: number
}

export interface ImageWithData extends StoredImage {
  readonly data: Uint8Array
}

export interface ImageStore {
  /** Stores the image unless this document has it already (same bytes); either way, what is stored. */
  put(documentId: string, image: ImageWithData, createdBy: string): StoredImage
  get(documentId: string, imageId: string): ImageWithData | null
  /** Whether the document holds this image already. */
  has(documentId: string, imageId: string): boolean
  /** The bytes of all images of the document together. */
  totalBytes(documentId: string): number
}

interface Row {
  image_id: string
  media_type: string
  width: number
  height: number
}

export function createImageStore(db: Db, now: () => number = Date.now): ImageStore {
  const insert = db.prepare(
    `INSERT INTO document_images (document_id, image_id, media_type, width, height, data, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, image_id) DO NOTHING`,
  )
  const select = db.prepare<[string, string], Row & { data: Buffer }>(
    'SELECT image_id, media_type, width, height, data FROM document_images WHERE document_id = ? AND image_id = ?',
  )
  const selectHas = db.prepare<[string, string], { found: number }>(
    'SELECT 1 AS found FROM document_images WHERE document_id = ? AND image_id = ?',
  )
  // length() of a BLOB reads its size from the record header, not the bytes.
  const selectTotal = db.prepare<[string], { total: number }>(
    'SELECT coalesce(sum(length(data)), 0) AS total FROM document_images WHERE document_id = ?',
  )
  // The CHECK constraint holds media_type to the two types; the row is what an upload stored.
  const fromRow = (row: Row): StoredImage => ({
    imageId: row.image_id as ImageId,
    mediaType: row.media_type as ImageMediaType,
    width: row.width,
    height: row.height,
  })
  return {
    put(documentId, image, createdBy) {
      insert.run(documentId, image.imageId, image.mediaType, image.width, image.height, image.data, createdBy, now())
      const { data: _bytes, ...stored } = image
      return stored
    },
    has: (documentId, imageId) => selectHas.get(documentId, imageId) !== undefined,
    totalBytes: (documentId) => selectTotal.get(documentId)?.total ?? 0,
    get(documentId, imageId) {
      const row = select.get(documentId, imageId)
      return row ? { ...fromRow(row), data: row.data } : null
    },
  }
}
