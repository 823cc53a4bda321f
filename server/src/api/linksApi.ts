// The links API: a document's outgoing links with their states, its backlinks, the sections one can
// link to, what changed in a suspect link's target, marking a link reviewed, and the wisselwerking
// matrix of an area. Everything is filtered by what the reader may open.
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  AREAS,
  orderedSections,
  type PerspectiveMissing,
  sectionPlainText,
  type WisselwerkingAnswer,
  type WisselwerkingDocument,
  type WisselwerkingLink,
} from '@novex/shared'
import { z } from 'zod'
import type { User } from '../accounts/accountStore.ts'
import { areaDocuments, relatedDocuments } from '../links/linkDocuments.ts'
import type { LinkService } from '../links/linkService.ts'
import { roomIfAvailable } from '../links/roomIfAvailable.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import type { WithRoom } from '../signoff/signoffService.ts'
import type { Authorize } from './documentsApi.ts'
import { readJsonBody } from './readJsonBody.ts'
import { ApiError, notFound, sendJson } from './respond.ts'

export interface LinksApiDeps {
  readonly catalog: DocumentCatalog
  readonly authorize: Authorize
  readonly links: LinkService
  readonly withRoom: WithRoom
}

const ReviewBody = z
  .object({
    sourceSectionId: z.string().max(64),
    targetDocumentId: z.string().max(100),
    targetSectionId: z.string().max(64),
  })
  .strict()

const MAX_TARGETS = 60

function snippet(text: string, query: string): string {
  const at = query ? text.toLowerCase().indexOf(query) : 0
  const start = Math.max(0, at - 40)
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 160)}${text.length > start + 160 ? '…' : ''}`
}

/** Routes /api/documents/<id>/links…, /backlinks and /link-targets; false when the path is not one of them. */
export async function routeLinks(
  deps: LinksApiDeps,
  user: User,
  req: IncomingMessage,
  res: ServerResponse,
  documentId: string,
  rest: readonly string[],
  method: string,
  query: URLSearchParams,
): Promise<boolean> {
  const [first, second] = rest
  if (first !== 'links' && first !== 'backlinks' && first !== 'link-targets') return false
  const record = deps.links.access(user, documentId)
  if (!record) throw notFound()
  if (rest.length === 1 && method === 'GET') {
    if (first === 'links') sendJson(res, 200, await deps.links.outgoing(user, record.id))
    else if (first === 'backlinks') sendJson(res, 200, await deps.links.backlinks(user, record.id))
    else sendJson(res, 200, await linkTargets(deps, user, record.id, (query.get('q') ?? '').trim().toLowerCase()))
    return true
  }
  if (first === 'links' && second === 'changes' && method === 'GET') {
    const change = await deps.links.changes(user, {
      sourceDocument: record.id,
      sourceSection: query.get('sourceSection') ?? '',
      targetDocument: query.get('targetDocument') ?? '',
      targetSection: query.get('targetSection') ?? '',
    })
    if (!change) throw notFound()
    sendJson(res, 200, { parts: change })
    return true
  }
  if (first === 'links' && second === 'review' && method === 'POST') {
    if (deps.authorize(user, record) !== 'edit')
      throw new ApiError(403, 'forbidden', 'Alleen wie dit document bewerkt kan een koppeling als beoordeeld markeren.')
    const body = await readJsonBody(req, ReviewBody)
    const reviewed = await deps.links.review(user, {
      sourceDocument: record.id,
      sourceSection: body.sourceSectionId,
      targetDocument: body.targetDocumentId,
      targetSection: body.targetSectionId,
    })
    if (!reviewed) throw new ApiError(404, 'link_not_found', 'Deze koppeling bestaat niet (meer).')
    sendJson(res, 200, { reviewed: true })
    return true
  }
  return false
}

async function linkTargets(deps: LinksApiDeps, user: User, documentId: string, query: string) {
  const record = deps.catalog.get(documentId)
  if (!record) return []
  const out = []
  for (const doc of relatedDocuments(deps.catalog, record)) {
    if (!deps.authorize(user, doc)) continue
    // A document the server cannot open for now offers no sections to link to.
    const read = await roomIfAvailable(deps.withRoom, doc.id, (room) =>
      orderedSections(room.doc).flatMap((section) => {
        const title = section.title.toString()
        const text = sectionPlainText(section)
        const matches = query === '' || title.toLowerCase().includes(query) || text.toLowerCase().includes(query)
        return matches
          ? [
              {
                documentId: doc.id,
                documentTitle: doc.title,
                sectionId: section.id,
                number: section.number,
                title,
                snippet: snippet(text, query),
              },
            ]
          : []
      }),
    )
    if (read.available) out.push(...read.value)
    if (out.length >= MAX_TARGETS) break
  }
  return out.slice(0, MAX_TARGETS)
}

export async function handleWisselwerking(
  deps: LinksApiDeps,
  user: User,
  res: ServerResponse,
  areaId: string,
): Promise<void> {
  if (!AREAS.some((a) => a.id === areaId)) throw notFound()
  const { perspective, voorstellen } = areaDocuments(deps.catalog, areaId)
  const readable = [perspective, ...voorstellen].filter((d) => d !== null && deps.authorize(user, d))
  if (readable.length === 0) throw notFound()
  const described = async (doc: DocumentRecord): Promise<WisselwerkingDocument> => {
    const read = await roomIfAvailable(deps.withRoom, doc.id, (room) =>
      orderedSections(room.doc).map((s) => ({ sectionId: s.id, number: s.number, title: s.title.toString() })),
    )
    return {
      documentId: doc.id,
      documentTitle: doc.title,
      sections: read.available ? read.value : [],
      available: read.available,
    }
  }
  const ids = new Set(readable.map((d) => d?.id))
  const links: WisselwerkingLink[] = []
  for (const doc of readable) {
    if (!doc) continue
    for (const link of await deps.links.outgoing(user, doc.id)) {
      if (link.targetDocumentId === doc.id || !ids.has(link.targetDocumentId)) continue
      links.push({
        sourceDocumentId: doc.id,
        sourceSectionId: link.sourceSectionId,
        targetDocumentId: link.targetDocumentId,
        targetSectionId: link.targetSectionId,
        state: link.state,
      })
    }
  }
  const shown = perspective && ids.has(perspective.id) ? await described(perspective) : null
  // Without its perspective's rows there is no matrix: an unavailable perspective is said, like a missing one.
  const readablePerspective = shown?.available ? shown : null
  const answer: WisselwerkingAnswer = {
    perspective: readablePerspective,
    ...(readablePerspective ? {} : { perspectiveMissing: missingReason(perspective, shown) }),
    voorstellen: await Promise.all(voorstellen.filter((v) => ids.has(v.id)).map(described)),
    links,
  }
  sendJson(res, 200, answer)
}

/** Why a wisselwerking has no perspective to show: there is none, the reader may not open it, or the server cannot. */
function missingReason(perspective: DocumentRecord | null, shown: WisselwerkingDocument | null): PerspectiveMissing {
  if (!perspective) return 'absent'
  return shown ? 'unavailable' : 'no-access'
}
