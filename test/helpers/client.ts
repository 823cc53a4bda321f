// Real y-websocket providers in Node against the real server, with the application frames wired:
// `saved()` sends a barrier and resolves when the server says everything before it is committed.
import {
  type Access,
  encodeBarrier,
  MessageType,
  type PersistedClock,
  readAccess,
  readPersisted,
  readRefused,
  readStorage,
} from '@novex/shared'
import type * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { RunningServer } from './server.ts'
import { waitFor } from './waitFor.ts'

export interface TestClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly refusals: { reason: string; detail: string }[]
  /** Application frames received (type codes), to check a stock provider gets none. */
  readonly appFrames: number[]
  /** Access frames received, in order (the first says what this connection may do). */
  readonly accessLog: Access[]
  /** Storage frames received, in order (true: the document cannot be written). */
  readonly storageLog: boolean[]
  synced(): Promise<void>
  /** Resolves once the server has committed everything this client sent so far. */
  saved(timeout?: number): Promise<void>
  destroy(): void
}

export interface ClientOptions {
  /** The session cookie (`name=value`), sent at the upgrade. */
  readonly cookie: string
  /** Ask for application frames (default true). False = an unmodified provider. */
  readonly app?: boolean
  readonly doc?: Y.Doc
  /**
   * Called synchronously when a `persisted` frame arrives, before anything else runs, with the clocks
   * the server has committed for the client ids this connection wrote with.
   */
  readonly onPersisted?: (seq: number, clocks: readonly PersistedClock[]) => void
}

// Each y-websocket provider registers a process 'exit' listener; tests open many.
process.setMaxListeners(200)

/** A `ws` WebSocket that sends the session cookie at the upgrade, as a browser would. */
function webSocketWithCookie(cookie: string): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } })
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket
}

export function connectClient(server: RunningServer, documentId: string, options: ClientOptions): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const app = options.app ?? true
  const provider = new WebsocketProvider(server.wsUrl, documentId, doc, {
    WebSocketPolyfill: webSocketWithCookie(options.cookie),
    params: app ? { app: '1' } : {},
    disableBc: true,
    maxBackoffTime: 500,
  })
  const refusals: { reason: string; detail: string }[] = []
  const appFrames: number[] = []
  const accessLog: Access[] = []
  const storageLog: boolean[] = []
  let lastPersisted = 0
  let nextBarrier = 0
  const record = (type: number, read: (d: decoding.Decoder) => void) => {
    provider.messageHandlers[type] = (_encoder, decoder) => {
      appFrames.push(type)
      read(decoder)
    }
  }
  record(MessageType.persisted, (d) => {
    const { seq, clocks } = readPersisted(d)
    options.onPersisted?.(seq, clocks)
    lastPersisted = Math.max(lastPersisted, seq)
  })
  record(MessageType.refused, (d) => {
    refusals.push(readRefused(d))
  })
  record(MessageType.storage, (d) => {
    storageLog.push(readStorage(d))
  })
  // No payload: counted in appFrames.
  record(MessageType.rights, () => {})
  record(MessageType.access, (d) => {
    const access = readAccess(d)
    if (access) accessLog.push(access)
  })
  return {
    doc,
    provider,
    refusals,
    appFrames,
    accessLog,
    storageLog,
    async synced() {
      await waitFor(() => provider.synced, { message: `client of ${documentId} to sync` })
    },
    async saved(timeout = 10_000) {
      await waitFor(() => provider.wsconnected && provider.synced, { timeout, message: 'connection' })
      nextBarrier += 1
      const seq = nextBarrier
      provider.ws?.send(encodeBarrier(seq))
      await waitFor(() => lastPersisted >= seq, { timeout, message: `persisted ack ${seq}` })
    },
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}
