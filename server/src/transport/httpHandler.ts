// Routes plain HTTP requests: health, metrics, the JSON API and the built client (SPA fallback).
import { existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import { type CommentsApiDeps, routeComments } from '../api/commentsApi.ts'
import { type Authorize, getDocument, listDocuments } from '../api/documentsApi.ts'
import { type ExportApiDeps, handleExport } from '../api/exportApi.ts'
import { type ImagesApiDeps, routeImages } from '../api/imagesApi.ts'
import { handleWisselwerking, type LinksApiDeps, routeLinks } from '../api/linksApi.ts'
import { handleMailSettings, type MailSettingsApiDeps } from '../api/mailSettingsApi.ts'
import { handleLoginMethods, type OidcApiDeps, routeOidc } from '../api/oidcApi.ts'
import { ApiError, documentUnavailable, notFound, sendError, sendJson, storageUnavailable } from '../api/respond.ts'
import { type ReviewApiDeps, routeReview } from '../api/reviewApi.ts'
import { handleActivity, handleLogin, handleLogout, handleWhoAmI, type SessionApiDeps } from '../api/sessionApi.ts'
import {
  handleOverview,
  handleReadiness,
  handleRefusedChanges,
  handleReopen,
  handleRequest,
  handleSign,
  type SignoffApiDeps,
} from '../api/signoffApi.ts'
import { routeStatus, type StatusApiDeps } from '../api/statusApi.ts'
import type { DocumentSummaries } from '../documents/documentSummaries.ts'
import { type Metrics, renderMetrics } from '../metrics.ts'
import { CorruptDocumentError } from '../persistence/corruptDocumentError.ts'
import type { DocumentCatalog } from '../persistence/documentCatalog.ts'
import { isStorageUnavailable } from '../persistence/storageUnavailable.ts'
import { type Authenticated, originAllowed } from '../policy/authenticate.ts'
import type { RoomManager } from '../rooms/roomManager.ts'
import { createClientFiles } from './clientFiles.ts'
import { setSecurityHeaders } from './securityHeaders.ts'

export interface HttpDeps {
  readonly catalog: DocumentCatalog
  /** Each document's status and open threads, for the list. */
  readonly summaries: DocumentSummaries
  readonly rooms: RoomManager
  readonly metrics: Metrics
  readonly logger: Logger
  readonly clientDist: string
  readonly session: SessionApiDeps
  readonly oidc: OidcApiDeps
  readonly signoff: SignoffApiDeps
  readonly export: ExportApiDeps
  readonly comments: CommentsApiDeps
  readonly review: ReviewApiDeps
  readonly status: StatusApiDeps
  readonly links: LinksApiDeps
  readonly images: ImagesApiDeps
  readonly mail: MailSettingsApiDeps
  readonly authorize: Authorize
  readonly allowedOrigins: readonly string[]
  /** TRUST_PROXY=1: the proxy's X-Forwarded-* headers count (requestSource.ts). */
  readonly trustProxy: boolean
  /** The document's stored state is corrupt (StorageHealth): it cannot be opened until repaired. */
  readonly isQuarantined: (documentId: string) => boolean
}

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void

export function createHttpHandler(deps: HttpDeps): HttpHandler {
  const serveClient = existsSync(deps.clientDist) ? createClientFiles(deps.clientDist) : null
  if (!serveClient) deps.logger.warn({ clientDist: deps.clientDist }, 'client not built; serving the API only')

  const requireUser = (req: IncomingMessage): Authenticated => {
    const auth = deps.session.authenticate(req)
    if (!auth) throw new ApiError(401, 'unauthenticated', 'U bent niet ingelogd of uw sessie is verlopen.')
    return auth
  }

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    const method = req.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD' && !originAllowed(req, deps.allowedOrigins)) {
      throw new ApiError(403, 'forbidden_origin', 'Deze herkomst (Origin) is niet toegestaan.')
    }
    if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok', rooms: deps.rooms.openRooms })
      return
    }
    if (path === '/metrics' && method === 'GET') {
      const body = renderMetrics(deps.metrics, { roomsOpen: deps.rooms.openRooms, peersOpen: deps.rooms.openPeers })
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
      res.end(body)
      return
    }
    if (path === '/api/session') {
      if (method === 'POST') return handleLogin(deps.session, req, res)
      if (method === 'DELETE') return handleLogout(deps.session, req, res)
      if (method === 'GET') return handleWhoAmI(deps.session, req, res)
      throw methodNotAllowed()
    }
    if (path === '/api/session/methods') {
      if (method !== 'GET') throw methodNotAllowed()
      return handleLoginMethods(deps.oidc, res)
    }
    if (await routeOidc(deps.oidc, req, res, path, url.searchParams)) return
    if (path === '/api/session/mail') {
      const { user } = requireUser(req)
      return handleMailSettings(deps.mail, user, req, res, method)
    }
    if (path === '/api/session/activity') {
      if (method !== 'POST') throw methodNotAllowed()
      return handleActivity(deps.session, req, res)
    }
    if (path === '/api/documents') {
      if (method !== 'GET') throw methodNotAllowed()
      const { user } = requireUser(req)
      sendJson(res, 200, listDocuments(deps.catalog, user, deps.authorize, deps.isQuarantined, deps.summaries))
      return
    }
    const doc = /^\/api\/documents\/([^/]+)$/.exec(path)
    if (doc) {
      if (method !== 'GET') throw methodNotAllowed()
      const { user } = requireUser(req)
      sendJson(
        res,
        200,
        getDocument(
          deps.catalog,
          user,
          deps.authorize,
          deps.isQuarantined,
          deps.summaries,
          decodeURIComponent(doc[1] ?? ''),
        ),
      )
      return
    }
    const sectionAction = /^\/api\/documents\/([^/]+)\/sections\/([^/]+)\/(signoff|reopen|signoff-request)$/.exec(path)
    if (sectionAction) {
      if (method !== 'POST') throw methodNotAllowed()
      const { user } = requireUser(req)
      const [documentId, sectionId] = [
        decodeURIComponent(sectionAction[1] ?? ''),
        decodeURIComponent(sectionAction[2] ?? ''),
      ]
      if (sectionAction[3] === 'signoff') return handleSign(deps.signoff, user, req, res, documentId, sectionId)
      if (sectionAction[3] === 'reopen') return handleReopen(deps.signoff, user, req, res, documentId, sectionId)
      return handleRequest(deps.signoff, user, res, documentId, sectionId)
    }
    const documentView = /^\/api\/documents\/([^/]+)\/(signoffs|readiness|refused-changes|export)$/.exec(path)
    if (documentView) {
      if (method !== 'GET') throw methodNotAllowed()
      const { user } = requireUser(req)
      const documentId = decodeURIComponent(documentView[1] ?? '')
      if (documentView[2] === 'signoffs') return handleOverview(deps.signoff, user, res, documentId)
      if (documentView[2] === 'readiness') return handleReadiness(deps.signoff, user, res, documentId)
      if (documentView[2] === 'export')
        return handleExport(deps.export, user, res, documentId, url.searchParams.get('format'))
      return handleRefusedChanges(deps.signoff, user, res, documentId)
    }
    const documentPath = /^\/api\/documents\/([^/]+)\/(.+)$/.exec(path)
    if (documentPath) {
      const { user } = requireUser(req)
      const documentId = decodeURIComponent(documentPath[1] ?? '')
      const rest = (documentPath[2] ?? '').split('/').map(decodeURIComponent)
      if (await routeComments(deps.comments, user, req, res, documentId, rest, method)) return
      if (await routeImages(deps.images, user, req, res, documentId, rest, method)) return
      if (await routeReview(deps.review, user, res, documentId, rest, method, url.searchParams)) return
      if (await routeStatus(deps.status, user, req, res, documentId, rest, method)) return
      if (await routeLinks(deps.links, user, req, res, documentId, rest, method, url.searchParams)) return
    }
    const area = /^\/api\/areas\/([^/]+)\/wisselwerking$/.exec(path)
    if (area) {
      if (method !== 'GET') throw methodNotAllowed()
      const { user } = requireUser(req)
      return handleWisselwerking(deps.links, user, res, decodeURIComponent(area[1] ?? ''))
    }
    if (path.startsWith('/api/') || path.startsWith('/sync')) throw notFound()
    if (serveClient && (method === 'GET' || method === 'HEAD')) {
      serveClient(req, res, () => sendError(res, notFound()))
      return
    }
    throw notFound()
  }

  return (req, res) => {
    setSecurityHeaders(req, res, deps.trustProxy)
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      if (error instanceof ApiError) {
        sendError(res, error)
        return
      }
      if (error instanceof CorruptDocumentError) {
        // Logged loudly where it was quarantined; the answer names the document's state, not a fault of ours.
        sendError(res, documentUnavailable())
        return
      }
      if (isStorageUnavailable(error)) {
        deps.logger.error({ err: error, url: req.url }, 'request failed: the database cannot be written')
        sendError(res, storageUnavailable())
        return
      }
      deps.logger.error({ err: error, url: req.url }, 'request failed')
      sendError(res, new ApiError(500, 'internal', 'Er ging iets mis op de server. Probeer het opnieuw.'))
    })
  }
}

const methodNotAllowed = (): ApiError => new ApiError(405, 'method_not_allowed', 'Deze actie is hier niet toegestaan.')
