// The sync endpoint /sync/<documentId>. Every check happens at the HTTP upgrade, before a WebSocket
// exists, so a refused client never receives a document byte. The message listener is attached in the
// same tick as the socket is created (before any await), so no early frame is lost.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type Access, APP_PARAM, CloseCode, isDocumentId } from '@novex/shared'
import type { Logger } from 'pino'
import { type RawData, type WebSocket, WebSocketServer } from 'ws'
import type { User } from '../accounts/accountStore.ts'
import type { Metrics } from '../metrics.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import { type Authenticate, originAllowed } from '../policy/authenticate.ts'
import { Peer } from '../rooms/peer.ts'
import type { Room } from '../rooms/room.ts'
import type { RoomManager } from '../rooms/roomManager.ts'

export interface SyncDeps {
  readonly catalog: DocumentCatalog
  readonly authenticate: Authenticate
  /** The user's right on the document, or null for none. */
  readonly authorize: (user: User, doc: DocumentRecord) => Access | null
  readonly rooms: RoomManager
  readonly metrics: Metrics
  readonly logger: Logger
  readonly allowedOrigins: readonly string[]
  readonly maxFrameBytes: number
}

export const SYNC_PATH = '/sync/'
const HEARTBEAT_MS = 30_000

export interface SyncEndpoint {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Stops the heartbeat; sockets are closed through the rooms. */
  close(): void
}

export function createSyncEndpoint(deps: SyncDeps): SyncEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxFrameBytes, perMessageDeflate: false })
  let nextPeerId = 1
  const alive = new WeakSet<WebSocket>()
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate()
        continue
      }
      alive.delete(ws)
      ws.ping()
    }
  }, HEARTBEAT_MS)
  heartbeat.unref()

  const reject = (socket: Duplex, status: number, text: string): void => {
    deps.metrics.connectionsRefused++
    const body = JSON.stringify({ error: { code: String(status), message: text } })
    socket.end(
      `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
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
    const wantsAppFrames = url.searchParams.get(APP_PARAM) === '1'
    wss.handleUpgrade(req, socket, head, (ws) => {
      deps.metrics.connectionsOpened++
      alive.add(ws)
      ws.on('pong', () => alive.add(ws))
      const peer = new Peer({
        id: nextPeerId++,
        socket: ws,
        access,
        sessionHash: auth.session.tokenHash,
        wantsAppFrames,
        user: {
          id: auth.user.id,
          name: auth.user.name,
          organisationName: auth.user.organisation.name,
          organisationKind: auth.user.organisation.kind,
        },
        logger: deps.logger,
      })
      let room: Room | null = null
      ws.on('message', (data: RawData, isBinary: boolean) => {
        if (!isBinary) {
          peer.close(CloseCode.malformed, 'text frames are not part of the protocol')
          return
        }
        peer.receive(toBytes(data))
      })
      ws.on('error', (error) => deps.logger.warn({ err: error, peer: peer.id }, 'socket error'))
      ws.on('close', () => {
        if (room) room.removePeer(peer)
        else peer.markClosed()
      })
      deps.rooms.join(documentId, peer).then(
        (joined) => {
          room = joined
          if (peer.isClosed) joined.removePeer(peer)
        },
        (error: unknown) => {
          deps.logger.error({ err: error, documentId }, 'document could not be loaded')
          peer.close(CloseCode.unavailable, 'document unavailable')
        },
      )
    })
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

function statusText(status: number): string {
  return status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Error'
}
