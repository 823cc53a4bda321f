// Reconnect herd: many clients lose their connection at the same moment — the server restarts
// (SIGTERM, close 4000) or the network drops every connection — and must not all come back in the
// same instant. The clients here use the browser client's own provider (client/src/collab/
// reconnectBackoff.ts: full-jitter exponential backoff), not the stock y-websocket one, whose fixed
// 2^n × 100 ms schedule brings them back together. Checked: every client reconnects and syncs, their
// first attempts after the close are spread (no 100 ms window holds more than half of them), and once
// back nobody keeps reconnecting.
import { CloseCode, MessageType, shouldReconnect } from '@novex/shared'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { JitteredWebsocketProvider } from '../../client/src/collab/reconnectBackoff.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { FaultProxy } from './faultProxy.ts'
import { DE_PEEL, sleep, startFaultServer } from './harness.ts'
import { check, type Report } from './report.ts'
import type { Sizes } from './sizes.ts'

const SUITE = 'reconnect herd'
const USERS = [DEMO.rijkAuteur, DEMO.provincieAuteur, DEMO.meelezer, DEMO.lezer]
const WINDOW_MS = 100

/** One client and what it went through after the herd event (times in ms since the event). */
interface Watched {
  readonly provider: JitteredWebsocketProvider
  readonly doc: Y.Doc
  closeCode: number | null
  /** Every connection attempt (the provider's 'connecting'). */
  readonly attempts: number[]
  /** When it was synced again. */
  syncedAt: number | null
}

export async function reconnectHerdSuite(report: Report, sizes: Sizes): Promise<void> {
  let server = await startFaultServer()
  const { dataDir, port } = server
  const cookies = await Promise.all(USERS.map((email) => login(server, email)))
  const clients: Watched[] = []
  try {
    await report.run(SUITE, `SIGTERM with ${sizes.herdClients} clients: jittered reconnects, no loop`, async () => {
      clients.push(...connectAll(server.wsUrl, cookies, sizes.herdClients))
      await waitFor(() => clients.every((c) => c.provider.synced), { timeout: 30_000, message: 'clients to sync' })
      startWatching(clients)
      const exit = await server.stop()
      check(exit === 0, `server exited with ${exit}`)
      server = await startFaultServer({ dataDir, env: { PORT: String(port) } })
      const detail = await checkHerd(clients, CloseCode.restart)
      return { detail }
    })

    await report.run(SUITE, `network drop of ${sizes.herdClients} clients: jittered reconnects, no loop`, async () => {
      for (const c of clients.splice(0)) destroy(c)
      const proxy = await FaultProxy.start(server.port)
      try {
        clients.push(...connectAll(proxy.wsUrl, cookies, sizes.herdClients))
        await waitFor(() => clients.every((c) => c.provider.synced), { timeout: 30_000, message: 'clients to sync' })
        startWatching(clients)
        proxy.cutAll()
        const detail = await checkHerd(clients, null)
        return { detail }
      } finally {
        for (const c of clients.splice(0)) destroy(c)
        await proxy.close()
      }
    })
  } finally {
    for (const c of clients) destroy(c)
    await server.stop()
    server.cleanup()
  }
}

function connectAll(wsUrl: string, cookies: readonly string[], count: number): Watched[] {
  return Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc()
    const provider = new JitteredWebsocketProvider(wsUrl, DE_PEEL, doc, {
      WebSocketPolyfill: webSocketWithCookie(cookies[i % cookies.length] ?? ''),
      params: { app: '1' },
      disableBc: true,
      shouldReconnect: (event) => shouldReconnect(event.code),
    })
    // The app frames (access, persisted, …) mean nothing here; unhandled, y-websocket logs each one.
    for (const type of [MessageType.persisted, MessageType.refused, MessageType.access]) {
      provider.messageHandlers[type] = () => undefined
    }
    return { provider, doc, closeCode: null, attempts: [], syncedAt: null }
  })
}

/** Starts recording, from now: the herd event follows at once. */
function startWatching(clients: readonly Watched[]): void {
  const event = Date.now()
  for (const c of clients) {
    c.provider.on('connection-close', (close) => {
      if (c.closeCode === null) c.closeCode = close?.code ?? -1
    })
    c.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connecting') c.attempts.push(Date.now() - event)
    })
    c.provider.on('sync', (synced: boolean) => {
      if (synced && c.syncedAt === null) c.syncedAt = Date.now() - event
    })
  }
}

async function checkHerd(clients: readonly Watched[], expectedCode: number | null): Promise<string> {
  await waitFor(() => clients.every((c) => c.syncedAt !== null), {
    timeout: 60_000,
    message: 'every client to reconnect and sync',
  })
  if (expectedCode !== null) {
    const codes = clients.map((c) => c.closeCode)
    check(
      codes.every((c) => c === expectedCode),
      `close codes ${codes.join(',')}`,
    )
  }
  const firsts = clients.map((c) => c.attempts[0] ?? Number.POSITIVE_INFINITY)
  const crowd = busiestWindow(firsts, WINDOW_MS)
  check(
    crowd <= Math.ceil(clients.length / 2),
    `${crowd} of ${clients.length} first attempts within ${WINDOW_MS} ms (${firsts.join(', ')})`,
  )
  // No loop: connected and synced, nobody tries again.
  const attemptsBefore = clients.map((c) => c.attempts.length)
  await sleep(3_000)
  const again = clients.filter((c, i) => c.attempts.length !== attemptsBefore[i] || !c.provider.synced)
  check(again.length === 0, `${again.length} clients reconnected again after syncing`)
  const maxAttempts = Math.max(...attemptsBefore)
  const synced = clients.map((c) => c.syncedAt ?? 0)
  return (
    `first attempts ${Math.min(...firsts)}–${Math.max(...firsts)} ms after the close, at most ${crowd} in one ` +
    `${WINDOW_MS} ms; all synced by ${Math.max(...synced)} ms; at most ${maxAttempts} attempts per client`
  )
}

/** The most values that fall within one window of `width` (sliding). */
function busiestWindow(values: readonly number[], width: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  let best = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= width) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}

function destroy(client: Watched): void {
  client.provider.destroy()
  client.doc.destroy()
}

/** A `ws` WebSocket that sends the session cookie at the upgrade, as a browser would. */
function webSocketWithCookie(cookie: string): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } })
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket
}
