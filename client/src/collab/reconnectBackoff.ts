// Reconnecting with jittered backoff. y-websocket 3 waits a fixed 2^n × 100 ms (capped) after a close,
// so when the server restarts (close 4000) or a shared network link comes back, every client comes
// back in the same few milliseconds — a thundering herd on a server that is still loading rooms. This
// provider takes over the scheduling: on a close it wants to recover from, it clears `shouldConnect`
// (y-websocket's own timer then finds nothing to do, see `setupWS` in y-websocket.js) and connects
// again itself after a "full jitter" delay: uniform between 0 and min(cap, base × 2^attempt)
// (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). The attempt count
// is reset once a connection has synced, as y-websocket does. A close the app asked for
// (`disconnect()`), and a close code that says not to come back (`shouldReconnect`), schedule nothing;
// `connect()` and `disconnect()` cancel a pending attempt.
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'

export interface BackoffOptions {
  /** The ceiling of the first attempt's delay, in ms; it doubles per failed attempt. */
  readonly baseMs: number
  /** The largest ceiling, in ms. */
  readonly capMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 15_000 }

/** The delay before reconnect attempt `attempt` (0 = the first after a close), in ms. */
export function reconnectDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * ceiling)
}

type ProviderOptions = NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>

export interface JitteredProviderOptions extends ProviderOptions {
  readonly backoff?: BackoffOptions
  /** For tests; Math.random by default. */
  readonly random?: () => number
}

export class JitteredWebsocketProvider extends WebsocketProvider {
  /** Failed attempts since the last synced connection. */
  reconnectAttempts = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private readonly backoff: BackoffOptions
  private readonly random: () => number

  constructor(serverUrl: string, room: string, doc: Y.Doc, options: JitteredProviderOptions = {}) {
    const { backoff = DEFAULT_BACKOFF, random = Math.random, ...providerOptions } = options
    super(serverUrl, room, doc, providerOptions)
    this.backoff = backoff
    this.random = random
    // Emitted first thing in y-websocket's close handling, before it schedules its own attempt.
    this.on('connection-close', (event) => this.scheduleReconnect(event))
    this.on('sync', (synced: boolean) => {
      if (synced) this.reconnectAttempts = 0
    })
  }

  override connect(): void {
    // Runs during super() too (connect: true), before the fields above exist.
    this.cancelRetry()
    super.connect()
  }

  override disconnect(): void {
    this.cancelRetry()
    super.disconnect()
  }

  override destroy(): void {
    this.cancelRetry()
    super.destroy()
  }

  private scheduleReconnect(event: CloseEvent | null): void {
    // disconnect() clears shouldConnect before it closes: the app asked for this close.
    if (!this.shouldConnect) return
    // The server said not to come back: y-websocket emits `closed` right after this.
    if (event !== null && !this.shouldReconnect(event, this)) return
    this.shouldConnect = false
    const delay = reconnectDelay(this.reconnectAttempts, this.random, this.backoff)
    this.reconnectAttempts += 1
    this.cancelRetry()
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      super.connect()
    }, delay)
  }

  private cancelRetry(): void {
    if (this.retryTimer === undefined || this.retryTimer === null) return
    clearTimeout(this.retryTimer)
    this.retryTimer = null
  }
}
