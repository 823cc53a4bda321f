// The sync endpoint /sync/<documentId>. Every check happens at the HTTP upgrade, before a WebSocket
// exists, so a refused client never receives a document byte. The message listener is attached in the
// same tick as the socket is created (before any await), so no early frame is lost.
// Every frame is inspected whole (limits/inspectFrame) before it is handed on, and passes the rate
// limits in arrival order; the CPU the frames of each event-loop turn cost is measured (the watchdog).
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type Access, APP_PARAM, CloseCode, isDocumentId } from '@novex/shared'
import type { Logger } from 'pino'
import { type RawData, type WebSocket, WebSocketServer } from 'ws'
import type { User } from '../accounts/accountStore.ts'
import { documentUnavailable } from '../api/respond.ts'
import { type FrameKind, inspectFrame } from '../limits/inspectFrame.ts'
import type { SyncRateLimiter } from '../limits/syncRateLimiter.ts'
import type { Metrics } from '../metrics.ts'
import { CorruptDocumentError } from '../persistence/corruptDocumentError.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import type { StorageHealth } from '../persistence/storageHealth.ts'
import { type Authenticate, originAllowed } from '../policy/authenticate.ts'
import { syncStep1Frame } from '../protocol/frames.ts'
import { Peer, type PeerUser } from '../rooms/peer.ts'
import type { Room } from '../rooms/room.ts'
import type { RoomManager } from '../rooms/roomManager.ts'
import { FrameWatchdog } from './frameWatchdog.ts'
import { clientIp } from './requestSource.ts'
import { createSessionIdentities, type SessionIdentity } from './sessionIdentities.ts'

export interface SyncDeps {
  readonly catalog: DocumentCatalog
  readonly authenticate: Authenticate
  /** The user's right on the document, or null for none. */
  readonly authorize: (user: User, doc: DocumentRecord) => Access | null
  /** The membership's rights beyond access (policy/roleRights.ts); the access watcher compares them. */
  readonly roleRights?: (user: User, doc: DocumentRecord) => string
  readonly rooms: RoomManager
  readonly metrics: Metrics
  readonly logger: Logger
  readonly allowedOrigins: readonly string[]
  readonly maxFrameBytes: number
  readonly maxBufferedBytes: number
  /** Trust X-Forwarded-For for the client's address (behind a proxy). */
  readonly trustProxy: boolean
  readonly rateLimiter: SyncRateLimiter
  readonly storageHealth: StorageHealth
}

/** What a connection keeps from its upgrade. */
interface Connection {
  readonly ip: string
  readonly documentId: string
  readonly access: Access
  readonly roleRights: string
  readonly sessionHash: string
  readonly wantsAppFrames: boolean
  readonly user: PeerUser
}

/** What an open socket keeps besides its peer (one small object instead of closures per socket). */
interface LiveSocket {
  readonly peer: Peer
  readonly identity: SessionIdentity
  readonly ip: string
  /** Set once the document is loaded and the peer joined it. */
  room: Room | null
  /** The tail of the frames waiting for the rate limits, in arrival order; null when none wait. */
  inOrder: Promise<void> | null
  queued: number
  /** Answered the last heartbeat ping. */
  alive: boolean
}

const RESOLVED: Promise<void> = Promise.resolve()

export const SYNC_PATH = '/sync/'
const HEARTBEAT_MS = 30_000
/** A turn of frames that costs more CPU than this is logged (the watchdog's budget, frameWatchdog.ts). */
const SLOW_FRAME_MS = 50

export interface SyncEndpoint {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Stops the heartbeat; sockets are closed through the rooms. */
  close(): void
}

export function createSyncEndpoint(deps: SyncDeps): SyncEndpoint {
  // clientTracking off: ws would keep its own Set of clients and a close listener with its closure per
  // socket (~0.13 KiB); `live` below knows every open socket already.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxFrameBytes,
    perMessageDeflate: false,
    clientTracking: false,
  })
  let nextPeerId = 1
  /** Every open socket and its connection state, until the socket closes. */
  const live = new Map<WebSocket, LiveSocket>()
  const identities = createSessionIdentities()
  const watchdog = new FrameWatchdog({ metrics: deps.metrics, logger: deps.logger, budgetMs: SLOW_FRAME_MS })
  const heartbeat = setInterval(() => {
    for (const [ws, conn] of live) {
      if (!conn.alive) {
        ws.terminate()
        continue
      }
      conn.alive = false
      ws.ping()
    }
  }, HEARTBEAT_MS)
  heartbeat.unref()

  // Loud on purpose: an operator must repair or restore this document (README, backup and restore).
  // Whoever loaded it (a join, a start-up check) gets the error; the rest of the server carries on.
  deps.storageHealth.onQuarantine((documentId, reason) => {
    deps.metrics.documentsQuarantined = deps.storageHealth.quarantinedCount
    deps.logger.error(
      { documentId, reason, quarantined: true },
      'DOCUMENT QUARANTINED: a stored row is corrupt; other documents are unaffected',
    )
  })

  // A document whose writes fail is read-only for its clients until a write succeeds again.
  deps.storageHealth.onChange((documentId, failing) => {
    deps.metrics.documentsFailing = deps.storageHealth.failingCount
    deps.logger.warn({ documentId, failing }, failing ? 'document read-only: writes fail' : 'document writable again')
    for (const { room, peer } of deps.rooms.livePeers()) {
      if (room.id !== documentId) continue
      peer.setStorageFault(failing)
      // Writable again: ask every client for what it has that we lack. Its answer (sync step 2) carries
      // the edits refused while the document was read-only, through the gate like any update.
      if (!failing) peer.send(syncStep1Frame(room.doc))
    }
  })

  const reject = (socket: Duplex, status: number, text: string): void => {
    deps.metrics.connectionsRefused++
    const body = JSON.stringify({ error: { code: String(status), message: text } })
    socket.end(
      `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Until ws takes the socket over, a reset from the client must not become an uncaught 'error'.
    const onSocketError = (error: Error): void => deps.logger.debug({ err: error }, 'upgrade socket error')
    socket.on('error', onSocketError)
    upgrade(req, socket, head, onSocketError).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'upgrade failed')
      socket.destroy()
    })
  }

  const upgrade = async (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    onSocketError: (error: Error) => void,
  ): Promise<void> => {
    const ip = clientIp(req, deps.trustProxy)
    // Counted before authentication: a flood of upgrades without a valid cookie is cut off as well.
    const byIp = await deps.rateLimiter.connectionFromIp(ip)
    if (!byIp.allowed) {
      deps.metrics.rateLimited++
      reject(socket, 429, 'Te veel verbindingen vanaf dit adres. Probeer het over een minuut opnieuw.')
      return
    }
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(SYNC_PATH)) {
      reject(socket, 404, 'Onbekend adres.')
      return
    }
    const documentId = decodeURIComponent(url.pathname.slice(SYNC_PATH.length))
    if (!originAllowed(req, deps.allowedOrigins)) {
      reject(socket, 403, 'Deze herkomst (Origin) is niet toegestaan.')
      return
    }
    const auth = deps.authenticate(req)
    if (!auth) {
      reject(socket, 401, 'U bent niet ingelogd of uw sessie is verlopen. Log opnieuw in.')
      return
    }
    const doc = isDocumentId(documentId) ? deps.catalog.get(documentId) : null
    // Unknown and forbidden look the same to someone without access: no document names leak.
    const access = doc ? deps.authorize(auth.user, doc) : null
    if (!doc || !access) {
      reject(socket, doc ? 403 : 404, doc ? 'U heeft geen toegang tot dit document.' : 'Dit document bestaat niet.')
      return
    }
    const byUser = await deps.rateLimiter.connectionOfUser(auth.user.id)
    if (!byUser.allowed) {
      deps.metrics.rateLimited++
      reject(socket, 429, 'Te veel verbindingen voor uw account. Probeer het over een minuut opnieuw.')
      return
    }
    if (deps.storageHealth.isQuarantined(doc.id)) {
      reject(socket, 503, documentUnavailable().message)
      return
    }
    if (socket.destroyed) return
    // Only what the connection needs is kept for its lifetime: the session's user and cookie (with its
    // whole header) are not referenced from the handlers below (heap per idle connection, issue 7).
    const connection: Connection = {
      ip,
      documentId,
      access,
      roleRights: deps.roleRights?.(auth.user, doc) ?? '',
      sessionHash: auth.session.tokenHash,
      wantsAppFrames: url.searchParams.get(APP_PARAM) === '1',
      user: {
        id: auth.user.id,
        name: auth.user.name,
        organisationName: auth.user.organisation.name,
        organisationKind: auth.user.organisation.kind,
      },
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // ws handles the socket's errors from here on; left attached, this listener and its closure would
      // stay with the socket for its lifetime (~0.4 KiB per connection in a heap snapshot, issue 7).
      socket.off('error', onSocketError)
      openConnection(ws, connection, socket)
    })
  }

  // Frames pass the rate limits one after the other, so they reach the room in arrival order.
  const deliver = async (conn: LiveSocket, kind: FrameKind, frame: Uint8Array): Promise<void> => {
    const { peer, ip } = conn
    try {
      if (peer.isClosed) return
      const verdict = await deps.rateLimiter.frame(kind, { ip, userId: peer.user.id, documentId: peer.documentId })
      if (!verdict.allowed) {
        deps.metrics.rateLimited++
        deps.logger.warn({ peer: peer.id, user: peer.user.id, ip, limit: verdict.limit }, 'rate limit: closing')
        peer.close(CloseCode.rateLimited, 'rate limit')
        return
      }
      watchdog.enter(peer)
      peer.receive(frame)
    } finally {
      // An idle connection keeps no promise.
      if (--conn.queued === 0) conn.inOrder = null
    }
  }

  // The socket listeners are shared by every connection (a listener gets its socket as `this`) and
  // find the connection's state in `live`: per-socket closures and their contexts were a good part of
  // an idle connection's heap (issue 7).
  function handleMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
    const conn = live.get(this)
    if (!conn) return
    const { peer } = conn
    if (!isBinary) {
      peer.close(CloseCode.malformed, 'text frames are not part of the protocol')
      return
    }
    const frame = toBytes(data)
    watchdog.enter(peer)
    const result = inspectFrame(frame)
    if (!result.ok) {
      deps.metrics.malformedFrames++
      watchdog.refused()
      deps.logger.warn({ peer: peer.id, user: peer.user.id, reason: result.reason }, 'closing: malformed frame')
      peer.close(CloseCode.malformed, 'malformed frame')
      return
    }
    const kind = result.kind
    conn.queued++
    conn.inOrder = (conn.inOrder ?? RESOLVED).then(() => deliver(conn, kind, frame))
  }

  function handlePong(this: WebSocket): void {
    const conn = live.get(this)
    if (conn) conn.alive = true
  }

  function handleError(this: WebSocket, error: Error): void {
    deps.logger.warn({ err: error, peer: live.get(this)?.peer.id }, 'socket error')
  }

  function handleClose(this: WebSocket): void {
    const conn = live.get(this)
    if (!conn) return
    live.delete(this)
    identities.release(conn.identity)
    if (conn.room) conn.room.removePeer(conn.peer)
    else conn.peer.markClosed()
  }

  const openConnection = (ws: WebSocket, connection: Connection, stream: Duplex): void => {
    const { documentId } = connection
    deps.metrics.connectionsOpened++
    const identity = identities.acquire(connection.sessionHash, connection.user)
    const peer = new Peer({
      id: nextPeerId++,
      socket: ws,
      documentId,
      access: connection.access,
      roleRights: connection.roleRights,
      sessionHash: identity.sessionHash,
      wantsAppFrames: connection.wantsAppFrames,
      user: identity.user,
      logger: deps.logger,
      maxBufferedBytes: deps.maxBufferedBytes,
      stream,
      turn: deps.rooms.turnEnd,
    })
    const conn: LiveSocket = { peer, identity, ip: connection.ip, room: null, inOrder: null, queued: 0, alive: true }
    live.set(ws, conn)
    ws.on('message', handleMessage)
    ws.on('pong', handlePong)
    ws.on('error', handleError)
    ws.on('close', handleClose)
    deps.rooms.join(documentId, peer).then(
      (joined) => {
        conn.room = joined
        if (peer.isClosed) joined.removePeer(peer)
        else if (deps.storageHealth.isFailing(documentId)) peer.setStorageFault(true)
      },
      (error: unknown) => {
        // A quarantine was logged loudly where it happened (onQuarantine above).
        if (!(error instanceof CorruptDocumentError)) {
          deps.logger.error({ err: error, documentId }, 'document could not be loaded')
        }
        peer.close(CloseCode.unavailable, 'document unavailable')
      },
    )
  }

  return {
    handleUpgrade,
    close: () => {
      clearInterval(heartbeat)
      wss.close()
    },
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
}

function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'Error'
}
