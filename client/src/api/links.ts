// The section-link endpoints of the server's HTTP API (docs/links.md): a document's outgoing links
// with their live state, the backlinks into it, the sections one may link to, what changed in a
// suspect link's target, marking a link reviewed, and the wisselwerking of an area. JSON arrives as
// `unknown` and is checked here, at the edge; malformed entries are skipped, not guessed.
import {
  type Backlink,
  type DiffLink,
  LINK_STATES,
  type LinkState,
  type OutgoingLink,
  PERSPECTIVE_MISSING,
  type PerspectiveMissing,
  type WisselwerkingDocument,
  type WisselwerkingLink,
  type WisselwerkingSection,
} from '@novex/shared'
import type { ApiError } from './documents.ts'
import { isRecord, requestJson } from './request.ts'
import { SignoffApiError, signoffError } from './signoff.ts'

export interface LinkTarget {
  readonly documentId: string
  readonly documentTitle: string
  readonly sectionId: string
  readonly number: string
  readonly title: string
  readonly snippet: string
}

export interface ChangePart {
  readonly value: string
  readonly added: boolean
  readonly removed: boolean
  /** Set when the part is a section link in the target (named by the page: versions/diffLinkText.ts). */
  readonly link?: DiffLink
}

/** One link, named by its ends (the body of a review, the query of the changes). */
export interface LinkKey {
  readonly sourceSectionId: string
  readonly targetDocumentId: string
  readonly targetSectionId: string
}

/** The wisselwerking with a perspective to show: its sections are the matrix's rows. */
export interface Wisselwerking {
  readonly perspective: Pick<WisselwerkingDocument, 'documentId' | 'documentTitle' | 'sections'>
  readonly voorstellen: readonly WisselwerkingDocument[]
  readonly links: readonly WisselwerkingLink[]
}

/**
 * The answer when there is no perspective to show: the area has none yet, the reader may open a
 * voorstel of the area (staff of its province may always) but not its perspective, or the server cannot
 * open the perspective for now. No matrix then, only the voorstellen they may open.
 */
export interface WisselwerkingWithoutPerspective {
  readonly perspective: null
  readonly missing: PerspectiveMissing
  readonly voorstellen: readonly WisselwerkingDocument[]
}

const documentPath = (documentId: string): string => `/api/documents/${encodeURIComponent(documentId)}`

export async function fetchLinks(documentId: string, signal?: AbortSignal): Promise<OutgoingLink[]> {
  return listOf(await requestJson('GET', `${documentPath(documentId)}/links`, signoffError, { signal }), parseOutgoing)
}

export async function fetchBacklinks(documentId: string, signal?: AbortSignal): Promise<Backlink[]> {
  return listOf(
    await requestJson('GET', `${documentPath(documentId)}/backlinks`, signoffError, { signal }),
    parseBacklink,
  )
}

export async function fetchLinkTargets(documentId: string, query: string, signal?: AbortSignal): Promise<LinkTarget[]> {
  const url = `${documentPath(documentId)}/link-targets?q=${encodeURIComponent(query)}`
  return listOf(await requestJson('GET', url, signoffError, { signal }), parseTarget)
}

export async function fetchLinkChanges(documentId: string, key: LinkKey, signal?: AbortSignal): Promise<ChangePart[]> {
  const params = new URLSearchParams({
    sourceSection: key.sourceSectionId,
    targetDocument: key.targetDocumentId,
    targetSection: key.targetSectionId,
  })
  const body = await requestJson('GET', `${documentPath(documentId)}/links/changes?${params}`, signoffError, { signal })
  if (!isRecord(body) || !Array.isArray(body.parts)) throw unexpected()
  return listOf(body.parts, parsePart)
}

/** Marks a suspect link "beoordeeld": the target as it is now becomes the new baseline. */
export async function reviewLink(documentId: string, key: LinkKey): Promise<void> {
  await requestJson('POST', `${documentPath(documentId)}/links/review`, signoffError, {
    body: {
      sourceSectionId: key.sourceSectionId,
      targetDocumentId: key.targetDocumentId,
      targetSectionId: key.targetSectionId,
    },
  })
}

export async function fetchWisselwerking(
  areaId: string,
  signal?: AbortSignal,
): Promise<Wisselwerking | WisselwerkingWithoutPerspective> {
  const body = await requestJson('GET', `/api/areas/${encodeURIComponent(areaId)}/wisselwerking`, signoffError, {
    signal,
  })
  if (!isRecord(body) || !Array.isArray(body.voorstellen) || !Array.isArray(body.links)) throw unexpected()
  const voorstellen = listOf(body.voorstellen, (v): WisselwerkingDocument | null =>
    isRecord(v) && typeof v.documentId === 'string' && Array.isArray(v.sections)
      ? {
          documentId: v.documentId,
          documentTitle: typeof v.documentTitle === 'string' ? v.documentTitle : v.documentId,
          sections: listOf(v.sections, parseSection),
          // Only an explicit false says the server cannot open it; sections are shown as sent.
          available: v.available !== false,
        }
      : null,
  )
  const perspective = body.perspective
  if (perspective === null) {
    const missing = body.perspectiveMissing
    const known = PERSPECTIVE_MISSING.find((reason) => reason === missing)
    if (known === undefined) throw unexpected()
    return { perspective: null, missing: known, voorstellen }
  }
  if (!isRecord(perspective) || typeof perspective.documentId !== 'string' || !Array.isArray(perspective.sections))
    throw unexpected()
  return {
    perspective: {
      documentId: perspective.documentId,
      documentTitle: typeof perspective.documentTitle === 'string' ? perspective.documentTitle : perspective.documentId,
      sections: listOf(perspective.sections, parseSection),
    },
    voorstellen,
    links: listOf(body.links, parseMatrixLink),
  }
}

const unexpected = (): ApiError => new SignoffApiError(500, 'unexpected', '')

function listOf<T>(value: unknown, parse: (item: unknown) => T | null): T[] {
  if (!Array.isArray(value)) throw unexpected()
  const out: T[] = []
  for (const item of value) {
    const parsed = parse(item)
    if (parsed !== null) out.push(parsed)
  }
  return out
}

function parseOutgoing(value: unknown): OutgoingLink | null {
  if (!isRecord(value) || !isLinkState(value.state)) return null
  const { sourceSectionId, targetDocumentId, targetSectionId } = value
  if (
    typeof sourceSectionId !== 'string' ||
    typeof targetDocumentId !== 'string' ||
    typeof targetSectionId !== 'string'
  )
    return null
  // Never show a title for a target the reader may not open, even if one were sent.
  const open = value.state !== 'no-access'
  return {
    sourceSectionId,
    targetDocumentId,
    targetSectionId,
    state: value.state,
    ...(open && typeof value.title === 'string' ? { title: value.title } : {}),
    ...(open && typeof value.number === 'string' ? { number: value.number } : {}),
    ...(open && typeof value.documentTitle === 'string' ? { documentTitle: value.documentTitle } : {}),
    baselineAt: typeof value.baselineAt === 'number' ? value.baselineAt : null,
  }
}

function parseBacklink(value: unknown): Backlink | null {
  if (!isRecord(value)) return null
  const { targetSectionId, sourceDocumentId, sourceSectionId } = value
  if (
    typeof targetSectionId !== 'string' ||
    typeof sourceDocumentId !== 'string' ||
    typeof sourceSectionId !== 'string'
  )
    return null
  return {
    targetSectionId,
    sourceDocumentId,
    sourceSectionId,
    sourceDocumentTitle: stringOr(value.sourceDocumentTitle, sourceDocumentId),
    sourceTitle: stringOr(value.sourceTitle, ''),
    sourceNumber: stringOr(value.sourceNumber, ''),
    context: stringOr(value.context, ''),
    sourceAvailable: value.sourceAvailable !== false,
  }
}

function parseTarget(value: unknown): LinkTarget | null {
  if (!isRecord(value) || typeof value.documentId !== 'string' || typeof value.sectionId !== 'string') return null
  return {
    documentId: value.documentId,
    sectionId: value.sectionId,
    documentTitle: stringOr(value.documentTitle, value.documentId),
    number: stringOr(value.number, ''),
    title: stringOr(value.title, ''),
    snippet: stringOr(value.snippet, ''),
  }
}

function parsePart(value: unknown): ChangePart | null {
  if (!isRecord(value) || typeof value.value !== 'string') return null
  const part = { value: value.value, added: value.added === true, removed: value.removed === true }
  const link = parseDiffLink(value.link)
  return link ? { ...part, link } : part
}

/** A link part's target; its state and titles are checked where they are shown (diffLinkWords). */
function parseDiffLink(value: unknown): DiffLink | null {
  if (!isRecord(value) || typeof value.documentId !== 'string' || typeof value.sectionId !== 'string') return null
  const text = (field: unknown) => (typeof field === 'string' ? field : undefined)
  const title = text(value.title)
  const number = text(value.number)
  const documentTitle = text(value.documentTitle)
  return {
    documentId: value.documentId,
    sectionId: value.sectionId,
    ...(isLinkState(value.state) && value.state !== 'suspect' ? { state: value.state } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(number !== undefined ? { number } : {}),
    ...(documentTitle !== undefined ? { documentTitle } : {}),
  }
}

function parseSection(value: unknown): WisselwerkingSection | null {
  if (!isRecord(value) || typeof value.sectionId !== 'string') return null
  return { sectionId: value.sectionId, number: stringOr(value.number, ''), title: stringOr(value.title, '') }
}

function parseMatrixLink(value: unknown): WisselwerkingLink | null {
  if (!isRecord(value) || !isLinkState(value.state)) return null
  const { sourceDocumentId, sourceSectionId, targetDocumentId, targetSectionId } = value
  if (
    typeof sourceDocumentId !== 'string' ||
    typeof sourceSectionId !== 'string' ||
    typeof targetDocumentId !== 'string' ||
    typeof targetSectionId !== 'string'
  )
    return null
  return { sourceDocumentId, sourceSectionId, targetDocumentId, targetSectionId, state: value.state }
}

function isLinkState(value: unknown): value is LinkState {
  return typeof value === 'string' && (LINK_STATES as readonly string[]).includes(value)
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback
}
