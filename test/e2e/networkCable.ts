// A TCP pass-through between one browser context and the server, which can be cut the way a real
// network outage cuts it: silently. Chromium's offline emulation (`context.setOffline(true)`) fails
// new requests and fires the page's `offline` event, but leaves open WebSockets connected
// (https://github.com/microsoft/playwright/issues/4910), and whatever the page then does with its
// socket (a close frame, a FIN when the page is closed) may or may not reach the server. After a real
// outage nothing reaches the server: it keeps the old connection until its heartbeat gives up. The
// cable makes that deterministic: `cut()` drops every byte of the WebSockets open at that moment, in
// both directions, and keeps their server side open, while new connections pass through as usual.
// Idle HTTP keep-alive connections are closed instead: a browser drops its pooled connections when the
// network changes, and without that a page opened after the outage would hang on a dead connection.
import { connect, createServer, type Socket } from 'node:net'

export interface NetworkCable {
  /** Base URL to give the browser context instead of the server's own. */
  readonly url: string
  /** Silently blackholes every connection open now; later connections are not affected. */
  cut(): void
  close(): Promise<void>
}

interface Pair {
  readonly client: Socket
  readonly upstream: Socket
  cut: boolean
  /** The client's first bytes asked for a WebSocket upgrade. */
  websocket: boolean | null
}

export async function startNetworkCable(targetPort: number): Promise<NetworkCable> {
  const pairs = new Set<Pair>()
  /** Connections that were cut: kept open (to the server they look alive) until close(). */
  const cutPairs: Pair[] = []
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1')
    const pair: Pair = { client, upstream, cut: false, websocket: null }
    pairs.add(pair)
    client.on('data', (chunk: Buffer) => {
      pair.websocket ??= /^upgrade:\s*websocket/im.test(chunk.toString('latin1'))
      if (!pair.cut) upstream.write(chunk)
    })
    upstream.on('data', (chunk) => {
      if (!pair.cut) client.write(chunk)
    })
    // While the cable is intact an end or a failure on one side ends the other; once it is cut
    // nothing passes, not even that.
    const endBoth = (): void => {
      if (pair.cut) return
      client.destroy()
      upstream.destroy()
      pairs.delete(pair)
    }
    client.on('close', endBoth)
    upstream.on('close', endBoth)
    client.on('error', endBoth)
    upstream.on('error', endBoth)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('network cable has no TCP address')
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      for (const pair of [...pairs]) {
        if (pair.websocket) {
          pair.cut = true
          cutPairs.push(pair)
          pairs.delete(pair)
        } else {
          pair.client.destroy()
          pair.upstream.destroy()
        }
      }
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const pair of [...pairs, ...cutPairs]) {
          pair.client.destroy()
          pair.upstream.destroy()
        }
      })
    },
  }
}
