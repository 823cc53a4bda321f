import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { JitteredWebsocketProvider, reconnectDelay } from './reconnectBackoff.ts'

describe('reconnectDelay', () => {
  const options = { baseMs: 1_000, capMs: 15_000 }

  it('spreads each attempt over [0, min(cap, base × 2^attempt))', () => {
    expect(reconnectDelay(0, () => 0, options)).toBe(0)
    expect(reconnectDelay(0, () => 0.999, options)).toBe(999)
    expect(reconnectDelay(1, () => 0.5, options)).toBe(1_000)
    expect(reconnectDelay(3, () => 0.999, options)).toBe(7_992)
    expect(reconnectDelay(4, () => 0.999, options)).toBe(14_985)
    expect(reconnectDelay(40, () => 0.999, options)).toBe(14_985)
  })

  it('gives 100 clients after a restart delays that are spread, not bunched', () => {
    const delays = Array.from({ length: 100 }, () => reconnectDelay(0, Math.random, options))
    const buckets = new Set(delays.map((d) => Math.floor(d / 100)))
    // Uniform over 1 s in 100 ms buckets: all ten are hit with overwhelming probability.
    expect(buckets.size).toBeGreaterThanOrEqual(8)
    expect(Math.max(...delays)).toBeLessThan(1_000)
  })
})

/** A WebSocket stand-in: the test opens and closes it. */
class FakeSocket {
  static readonly instances: FakeSocket[] = []
  static readonly OPEN = 1
  readonly OPEN = 1
  readyState = 0
  binaryType = 'blob'
  onopen: (() => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  onmessage: ((event: unknown) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.instances.push(this)
  }
  send(): void {}
  close(): void {
    this.readyState = 3
  }
  open(): void {
    this.readyState = 1
    this.onopen?.()
  }
  /** The server (or the network) closes it. */
  drop(code: number): void {
    this.readyState = 3
    this.onclose?.({ code, reason: '' })
  }
}

const latest = (): FakeSocket => {
  const socket = FakeSocket.instances.at(-1)
  if (!socket) throw new Error('no socket')
  return socket
}

describe('JitteredWebsocketProvider', () => {
  let providers: JitteredWebsocketProvider[] = []
  beforeEach(() => {
    vi.useFakeTimers()
    FakeSocket.instances.length = 0
  })
  afterEach(() => {
    for (const provider of providers) provider.destroy()
    providers = []
    vi.useRealTimers()
  })

  const create = (random: () => number): JitteredWebsocketProvider => {
    const provider = new JitteredWebsocketProvider('ws://novex.test/sync', 'doc', new Y.Doc(), {
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
      disableBc: true,
      backoff: { baseMs: 1_000, capMs: 15_000 },
      random,
    })
    providers.push(provider)
    return provider
  }

  it('reconnects after a restart close at the jittered delay, not at y-websocket’s fixed one', () => {
    create(() => 0.75)
    latest().open()
    latest().drop(4000)
    expect(FakeSocket.instances).toHaveLength(1)
    // y-websocket's own attempt would come at 200 ms.
    vi.advanceTimersByTime(749)
    expect(FakeSocket.instances).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(FakeSocket.instances).toHaveLength(2)
    // No second socket from a stale timer later on.
    vi.advanceTimersByTime(30_000)
    expect(FakeSocket.instances).toHaveLength(2)
  })

  it('widens the window per failed attempt, up to the cap, and starts over after a sync', () => {
    const provider = create(() => 0.999)
    const times: number[] = []
    for (let attempt = 0; attempt < 6; attempt++) {
      const before = FakeSocket.instances.length
      latest().drop(1006)
      let waited = 0
      while (FakeSocket.instances.length === before) {
        vi.advanceTimersByTime(1)
        waited++
      }
      times.push(waited)
    }
    expect(times).toEqual([999, 1_998, 3_996, 7_992, 14_985, 14_985])
    expect(provider.reconnectAttempts).toBe(6)
    provider.synced = true
    expect(provider.reconnectAttempts).toBe(0)
  })

  it('does not come back after disconnect(), nor after a close code that says so', () => {
    const provider = create(() => 0.5)
    latest().open()
    latest().drop(4000)
    provider.disconnect()
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.instances).toHaveLength(1)

    provider.connect()
    expect(FakeSocket.instances).toHaveLength(2)
    latest().open()
    latest().drop(4403)
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.instances).toHaveLength(2)
  })

  it('connect() while an attempt is pending connects at once, and only once', () => {
    const provider = create(() => 0.9)
    latest().open()
    latest().drop(4000)
    provider.connect()
    expect(FakeSocket.instances).toHaveLength(2)
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.instances).toHaveLength(2)
  })
})
