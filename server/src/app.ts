// Builds the server from its parts. main.ts calls this; tests may too.
import type { Server } from 'node:http'
import { CloseCode } from '@novex/shared'
import type { Logger } from 'pino'
import { createAccountStore } from './accounts/accountStore.ts'
import { createAudit } from './accounts/audit.ts'
import { hashPassword } from './accounts/passwords.ts'
import { createSessionStore } from './accounts/sessionStore.ts'
import { renderDossierFor } from './api/exportApi.ts'
import { createLoginLimiter } from './api/loginLimiter.ts'
import { providerLogoutUrl } from './api/oidcApi.ts'
import type { SessionApiDeps } from './api/sessionApi.ts'
import { createCommentService } from './comments/commentService.ts'
import type { Config } from './config.ts'
import { seedDemo } from './demo/seedDemo.ts'
import { DEMO_PASSWORD, schuurpuntAuthors, seedDemoAccounts } from './demo/seedDemoAccounts.ts'
import { createDocumentSummaries } from './documents/documentSummaries.ts'
import { createExportPool } from './export/exportPool.ts'
import { createImageStore } from './images/imageStore.ts'
import { createSyncRateLimiter } from './limits/syncRateLimiter.ts'
import { createUserRateLimiter } from './limits/userRateLimiter.ts'
import { knownLinkDeps } from './links/knownLinkName.ts'
import { createLinkService } from './links/linkService.ts'
import { createLinkStore } from './links/linkStore.ts'
import { createMetrics, type Metrics } from './metrics.ts'
import { createNotifications } from './notifications/notifications.ts'
import { createOidcIdentities } from './oidc/oidcIdentities.ts'
import { createOidcSessions } from './oidc/oidcSessions.ts'
import { createRelyingParty } from './oidc/relyingParty.ts'
import { createClientIdRegistry } from './persistence/clientIdRegistry.ts'
import { type Db, openDatabase } from './persistence/database.ts'
import { createDocumentCatalog } from './persistence/documentCatalog.ts'
import { createSqliteDocumentStore } from './persistence/sqliteDocumentStore.ts'
import { documentAccess } from './policy/access.ts'
import { startAccessWatcher } from './policy/accessWatcher.ts'
import { createAuthenticate } from './policy/authenticate.ts'
import { roleRightsKey } from './policy/roleRights.ts'
import { createUpdateGate } from './policy/updateGate.ts'
import { createReviewService } from './review/reviewService.ts'
import { createVersionStore } from './review/versionStore.ts'
import type { Room } from './rooms/room.ts'
import { RoomManager } from './rooms/roomManager.ts'
import { createLedgerStore } from './signoff/ledgerStore.ts'
import { createRefusedChangeStore } from './signoff/refusedChanges.ts'
import { createSignoffService } from './signoff/signoffService.ts'
import { createAdoptionArchive } from './status/adoptionArchive.ts'
import { createArchiveStore } from './status/archiveStore.ts'
import { createStatusService } from './status/statusService.ts'
import { createHttpHandler } from './transport/httpHandler.ts'
import { createNovexServer, listen } from './transport/server.ts'
import { createSyncEndpoint } from './transport/syncEndpoint.ts'

const SHUTDOWN_GRACE_MS = 2_000

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
}

export interface App {
  readonly port: number
  readonly server: Server
  readonly db: Db
  readonly rooms: RoomManager
  readonly metrics: Metrics
  /** Flushes every room, closes clients with the restart code, closes the database. */
  shutdown(): Promise<void>
}

export async function startApp(config: Config, logger: Logger): Promise<App> {
  const db = openDatabase(config.dataDir)
  const catalog = createDocumentCatalog(db)
  const store = createSqliteDocumentStore(db)
  const accounts = createAccountStore(db)
  const sessions = createSessionStore(db, { idleMs: config.sessionIdleMs })
  const audit = createAudit(db)
  if (config.demo) {
    const demoHash = accounts.listOrganisations().length === 0 ? await hashPassword(DEMO_PASSWORD) : ''
    const seeded = db.transaction(() => {
      const users = seedDemoAccounts(accounts, demoHash)
      return { documents: seedDemo(catalog, store, schuurpuntAuthors(accounts), Date.now()), users }
    })()
    if (seeded.documents + seeded.users > 0) logger.info(seeded, 'demo seeded')
  }
  const metrics = createMetrics()
  const summaries = createDocumentSummaries()
  const linkStore = createLinkStore(db)
  const refused = createRefusedChangeStore(db, Date.now, knownLinkDeps(accounts, catalog, linkStore))
  // The sign-off service works on rooms and the rooms ask it for locks: the manager is bound below.
  let rooms: RoomManager | null = null
  const withRoom = <T>(documentId: string, work: (room: Room) => T): Promise<T> => {
    if (!rooms) throw new Error('rooms are not ready')
    return rooms.withRoom(documentId, work)
  }
  const links = createLinkService({
    store: linkStore,
    catalog,
    authorize: documentAccess.bind(null, accounts),
    withRoom,
    logger,
  })
  const notifications = createNotifications({
    db,
    config: config.mail,
    catalog,
    accounts,
    mayRead: (user, record) => documentAccess(accounts, user, record) !== null,
    logger,
    metrics,
  })
  const signoffs = createSignoffService({
    ledger: createLedgerStore(db),
    withRoom,
    logger,
    metrics,
    onLocked: links.onLocked,
    onRequested: notifications.onSignoffRequested,
    onSectionLocked: notifications.onSectionLocked,
    onSectionReopened: notifications.onSectionReopened,
    onSignaturesLapsed: notifications.onSignaturesLapsed,
  })
  rooms = new RoomManager({
    store,
    clientIds: createClientIdRegistry(db),
    gate: createUpdateGate(),
    logger,
    metrics,
    compactAfter: config.compactAfter,
    sectionLocks: signoffs.lockedSections,
    onLoaded: signoffs.onRoomLoaded,
    // The list's facts, read whenever the document is built anyway (never just for them) and after each
    // server change: the start-up pass over every document builds each once.
    onBuilt: (room) => summaries.refresh(room.id, room.doc),
    onServerChange: (room) => summaries.refresh(room.id, room.doc),
    onCommitted: [
      (room, sections, editors) => signoffs.onCommitted(room, sections, editors),
      (room, sections) => links.onCommitted(room, sections),
    ],
    onRefused: (room, peer, update, reason) => {
      // Keeping a copy is a courtesy to the author: a database that fails here must not cost the
      // connection (the refusal itself has been sent), nor pass for an unreadable frame.
      try {
        refused.record(room, peer, update, reason)
      } catch (error) {
        logger.error({ err: error, documentId: room.id, reason }, 'refused change not kept: the database failed')
      }
    },
  })
  await links.reindexAll()
  const mismatches = await signoffs.verifyAll()
  if (mismatches.length > 0) logger.error({ mismatches }, 'locked sections failed verification at start-up')
  const versions = createVersionStore(db)
  const commentsDeps = {
    catalog,
    accounts,
    authorize: documentAccess.bind(null, accounts),
    commentWrites: createUserRateLimiter('comment-user', config.commentsPerUser),
    comments: createCommentService(withRoom, {
      sectionLocks: signoffs.lockedSections,
      onMessage: notifications.onCommentMessage,
    }),
  }
  const authenticate = createAuthenticate(accounts, sessions)
  const authorize = documentAccess.bind(null, accounts)
  const roleRights = roleRightsKey.bind(null, accounts)
  const signoffDeps = { catalog, accounts, authorize, signoffs, refused, withRoom, links }
  const exports = createExportPool({ threads: config.exportThreads, queue: config.exportQueue })
  const images = createImageStore(db)
  const exportDeps = { ...signoffDeps, exports, metrics, images }
  const archives = createArchiveStore(db)
  const archive = createAdoptionArchive({
    store: archives,
    catalog,
    accounts,
    summaries,
    withRoom,
    renderPdf: (user, record) => renderDossierFor(exportDeps, user, record, 'pdf', new AbortController().signal),
    audit,
    logger,
    firstRetryMs: config.archiveRetryMs,
  })
  const sync = createSyncEndpoint({
    catalog,
    authenticate,
    authorize,
    roleRights,
    rooms,
    metrics,
    logger,
    allowedOrigins: config.allowedOrigins,
    maxFrameBytes: config.maxFrameBytes,
    maxBufferedBytes: config.maxBufferedBytes,
    trustProxy: config.trustProxy,
    rateLimiter: createSyncRateLimiter(config.syncRateLimits),
    storageHealth: store.health,
  })
  const watcher = startAccessWatcher({
    db,
    accounts,
    sessions,
    catalog,
    rooms,
    roleRights,
    logger,
    // An idle session's connections close within a quarter of the idle timeout (and within 30 s).
    ...(config.sessionIdleMs > 0 ? { expiryCheckMs: Math.max(1_000, Math.min(30_000, config.sessionIdleMs / 4)) } : {}),
  })
  const relyingParty = config.oidc === null ? null : createRelyingParty(config.oidc)
  const oidcSessions = createOidcSessions(db)
  const sessionDeps: SessionApiDeps = {
    accounts,
    sessions,
    authenticate,
    audit,
    limiter: createLoginLimiter(config.loginLimits),
    sessionTtlMs: config.sessionTtlMs,
    sessionIdleMs: config.sessionIdleMs,
    trustProxy: config.trustProxy,
    onSessionsChanged: () => watcher.recheck(),
    providerLogout: (tokenHash) => providerLogoutUrl(relyingParty, oidcSessions, tokenHash),
  }
  const handler = createHttpHandler({
    catalog,
    summaries,
    rooms,
    metrics,
    logger,
    clientDist: config.clientDist,
    authorize,
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
    isQuarantined: store.health.isQuarantined,
    signoff: signoffDeps,
    export: exportDeps,
    comments: commentsDeps,
    links: { catalog, authorize, links, withRoom },
    images: {
      catalog,
      authorize,
      images,
      quotaBytes: config.imageQuotaBytes,
      checkUpload: exports.checkUpload,
      uploads: createUserRateLimiter('upload-user', config.uploadsPerUser),
    },
    review: {
      ...commentsDeps,
      review: createReviewService(withRoom, versions, { onRoundChanged: notifications.onRoundChanged }),
      versions,
      withRoom,
      linkTargets: linkStore,
    },
    status: {
      catalog,
      accounts,
      authorize,
      status: createStatusService({
        withRoom,
        signoffs,
        audit,
        versions,
        onDecision: notifications.onStatusDecision,
      }),
      archive,
      archives,
    },
    session: sessionDeps,
    mail: { notifications },
    oidc: {
      session: sessionDeps,
      relyingParty,
      identities: createOidcIdentities(db, audit),
      sessions: oidcSessions,
      logger,
    },
  })
  const server = createNovexServer(handler, sync)
  const port = await listen(server, config.port, config.host)
  // An adopted perspective whose dossier could not be kept when it was adopted is kept now, in the
  // background (a failure is retried on its own, until stop()).
  void archive.catchUp()

  let closing: Promise<void> | null = null
  const shutdown = (): Promise<void> => {
    closing ??= (async () => {
      server.close()
      watcher.stop()
      archive.stop()
      const unsaved = rooms.flushAll()
      if (unsaved.length > 0) logger.error({ documents: unsaved }, 'shutting down with unsaved changes')
      rooms.closeAll(CloseCode.restart, 'server restart')
      // Give the close frames a moment to reach the clients before the process exits.
      await waitUntil(() => rooms.openPeers === 0, SHUTDOWN_GRACE_MS)
      sync.close()
      server.closeAllConnections()
      await exports.close()
      await notifications.stop()
      db.close()
    })()
    return closing
  }
  return { port, server, db, rooms, metrics, shutdown }
}
