// A fault-injecting TCP proxy between clients and the server. It forwards bytes in order, and on
// command delays them (latency with jitter), black-holes them (bytes vanish, the connection looks
// alive, as on a dead mobile link), cuts connections (reset), or partitions (refuses new connections
// and black-holes the open ones until healed). TCP never reorders within one connection; reordering
// between connections happens by itself when a cut client reconnects while old bytes are delayed.
import { connect, createServer, type Server, type Socket } from 'node:net'

interface Link {
  readonly client: Socket
  readonly upstream: Socket
}

export class FaultProxy {
  private readonly server: Server
  private readonly links = new Set<Link>()
  private delayMs = 0
  private jitterMs = 0
  private blackhole = false
  private refusing = false
  /** Connections accepted, to spot a reconnect loop. */
  connections = 0

  private constructor(server: Server) {
    this.server = server
  }

  static async start(targetPort: number): Promise<FaultProxy> {
    let proxy: FaultProxy | null = null
    const server = createServer((client) => proxy?.accept(client, targetPort))
    proxy = new FaultProxy(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return proxy
  }

  get port(): number {
    const address = this.server.address()
    if (address === null || typeof address === 'string') throw new Error('proxy not listening')
    return address.port
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/sync`
  }

  setDelay(delayMs: number, jitterMs: number): void {
    this.delayMs = delayMs
    this.jitterMs = jitterMs
  }

  setBlackhole(on: boolean): void {
    this.blackhole = on
  }

  /** Resets every open connection (both sides see an error or a close without a close frame). */
  cutAll(): void {
    for (const link of this.links) this.cut(link)
  }

  /** Resets one random open connection. */
  cutOne(random: () => number): void {
    const links = [...this.links]
    const link = links[Math.floor(random() * links.length)]
    if (link) this.cut(link)
  }

  partition(on: boolean): void {
    this.refusing = on
    this.blackhole = on
    if (!on) this.cutAll()
  }

  heal(): void {
    this.delayMs = 0
    this.jitterMs = 0
    this.blackhole = false
    this.refusing = false
  }

  async close(): Promise<void> {
    this.cutAll()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private accept(client: Socket, targetPort: number): void {
    this.connections++
    client.on('error', () => undefined)
    if (this.refusing) {
      client.destroy()
      return
    }
    const upstream = connect(targetPort, '127.0.0.1')
    upstream.on('error', () => undefined)
    const link: Link = { client, upstream }
    this.links.add(link)
    this.pipe(client, upstream)
    this.pipe(upstream, client)
    const forget = (): void => {
      this.links.delete(link)
      client.destroy()
      upstream.destroy()
    }
    client.on('close', forget)
    upstream.on('close', forget)
  }

  /** Forwards `from` → `to`, with the current delay (order kept) or not at all in a black hole. */
  private pipe(from: Socket, to: Socket): void {
    let due = 0
    from.on('data', (chunk: Buffer) => {
      if (this.blackhole) return
      if (this.delayMs === 0 && this.jitterMs === 0 && due <= Date.now()) {
        to.write(chunk)
        return
      }
      due = Math.max(due, Date.now() + this.delayMs + Math.random() * this.jitterMs)
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk)
      }, due - Date.now())
    })
  }

  private cut(link: Link): void {
    link.client.resetAndDestroy()
    link.upstream.resetAndDestroy()
    this.links.delete(link)
  }
}
