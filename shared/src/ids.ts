// Branded identifiers. Section ids are random and stable: never derived from a title, so links
// survive renames and moves.
import * as random from 'lib0/random'

export type SectionId = string & { readonly __brand: 'SectionId' }
export type DocumentId = string & { readonly __brand: 'DocumentId' }

const SECTION_ID = /^[A-Za-z0-9_-]{8,64}$/
const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{1,80}$/

export function newSectionId(): SectionId {
  return random.uuidv4().replaceAll('-', '').slice(0, 20) as SectionId
}

export function isSectionId(value: unknown): value is SectionId {
  return typeof value === 'string' && SECTION_ID.test(value)
}

export function isDocumentId(value: unknown): value is DocumentId {
  return typeof value === 'string' && DOCUMENT_ID.test(value)
}
