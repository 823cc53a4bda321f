// The ijkmomenten API: the review state, opening and closing rounds (trekkers), the round report
// (JSON, Markdown, PDF), and the named versions: list, full state, and comparison per section.
import type { ServerResponse } from 'node:http'
import { isDocumentId, type ReviewAnswer, ROUNDS, type Round, readReview } from '@novex/shared'
import * as Y from 'yjs'
import type { User } from '../accounts/accountStore.ts'
import { requireTrekker } from '../comments/commentRights.ts'
import { compareSections } from '../review/compareDocs.ts'
import { comparisonFor, type LinkLabelDeps, reportFor } from '../review/linkLabels.ts'
import { REPORT_FORMATS, type ReportFormat, reportMarkdown, reportPdf } from '../review/renderReport.ts'
import { docFrom, type ReviewService } from '../review/reviewService.ts'
import type { VersionStore } from '../review/versionStore.ts'
import type { WithRoom } from '../signoff/signoffService.ts'
import { type CommentsApiDeps, commentContext } from './commentsApi.ts'
import { ApiError, notFound, sendJson } from './respond.ts'

export interface ReviewApiDeps extends CommentsApiDeps, LinkLabelDeps {
  readonly review: ReviewService
  readonly versions: VersionStore
  readonly withRoom: WithRoom
}

const versionNotFound = (): ApiError => new ApiError(404, 'version_not_found', 'Deze versie bestaat niet.')

/** Routes /api/documents/<id>/review… and /versions…; returns false when the path is not one of them. */
export async function routeReview(
  deps: ReviewApiDeps,
  user: User,
  res: ServerResponse,
  documentId: string,
  rest: readonly string[],
  method: string,
  query: URLSearchParams,
): Promise<boolean> {
  const [first, second, third] = rest
  if (first !== 'review' && first !== 'versions') return false
  if (!isDocumentId(documentId)) throw notFound()
  const context = commentContext(deps, user, documentId)
  if (first === 'review') {
    if (rest.length === 1 && method === 'GET') {
      const state = await deps.withRoom(documentId, (room) => readReview(room.doc))
      const answer: ReviewAnswer = { state, canManage: context.rights.isTrekker }
      sendJson(res, 200, answer)
      return true
    }
    if (rest.length === 2 && (second === 'open' || second === 'close') && method === 'POST') {
      requireTrekker(context.rights)
      const actor = { userId: user.id, name: `${user.name} (${user.organisation.name})` }
      if (second === 'open') {
        sendJson(res, 200, await deps.review.open(documentId, actor))
        return true
      }
      const closed = await deps.review.close(documentId, actor)
      sendJson(res, 200, { ...closed, report: await reportFor(deps, user, documentId, closed.report) })
      return true
    }
    if (rest.length === 3 && third === 'report' && method === 'GET') {
      const round = Number(second) as Round
      if (!(ROUNDS as readonly number[]).includes(round)) throw notFound()
      const stored = deps.versions.report(documentId, round)
      if (!stored)
        throw new ApiError(404, 'report_not_found', 'Van dit ijkmoment is nog geen verslag: het is niet afgesloten.')
      // Its links are named for this reader: the report is stored without their titles.
      const report = await reportFor(deps, user, documentId, stored)
      const format = query.get('format')
      if (format === null) {
        sendJson(res, 200, report)
        return true
      }
      if (!(REPORT_FORMATS as readonly string[]).includes(format))
        throw new ApiError(400, 'invalid_format', 'Kies een formaat voor het verslag: md of pdf.')
      const title = deps.catalog.get(documentId)?.title ?? documentId
      const bytes =
        (format as ReportFormat) === 'md'
          ? new TextEncoder().encode(reportMarkdown(report, title))
          : await reportPdf(report, title)
      res.writeHead(200, {
        'content-type': format === 'md' ? 'text/markdown; charset=utf-8' : 'application/pdf',
        'content-length': bytes.byteLength,
        'content-disposition': `attachment; filename="${documentId}-ijkmoment-${round}.${format}"`,
        'cache-control': 'no-store',
      })
      res.end(bytes)
      return true
    }
    return false
  }
  if (method !== 'GET') return false
  if (rest.length === 1) {
    sendJson(res, 200, deps.versions.list(documentId))
    return true
  }
  if (rest.length === 2 && second === 'compare') {
    const load = async (id: string | null): Promise<Y.Doc> => {
      if (id === 'current') return deps.withRoom(documentId, (room) => docFrom(Y.encodeStateAsUpdate(room.doc)))
      const state = id !== null && /^\d+$/.test(id) ? deps.versions.state(documentId, Number(id)) : null
      if (!state) throw versionNotFound()
      return docFrom(state)
    }
    const [from, to] = [await load(query.get('from')), await load(query.get('to'))]
    sendJson(res, 200, { sections: await comparisonFor(deps, user, documentId, compareSections(from, to), [to, from]) })
    return true
  }
  if (rest.length === 2 && second !== undefined && /^\d+$/.test(second)) {
    const state = deps.versions.state(documentId, Number(second))
    if (!state) throw versionNotFound()
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': state.byteLength,
      'cache-control': 'no-store',
    })
    res.end(state)
    return true
  }
  return false
}
