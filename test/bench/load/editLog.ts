// When each edit left its writer, keyed by (Yjs client id, clock): one typed character advances the
// writer's clock by one, so an observer that sees a client's state move from `before` to `after` has
// just applied edits before…after-1 and knows their latency. All clients live in this process, so one
// clock (performance.now) serves writer and observer.
import type * as Y from 'yjs'
import { REMOTE } from './fullClient.ts'

export class EditLog {
  readonly latencies: number[] = []
  private readonly sentAt = new Map<number, number[]>()

  sent(client: number, clock: number, at: number): void {
    let times = this.sentAt.get(client)
    if (!times) {
      times = []
      this.sentAt.set(client, times)
    }
    times[clock] = at
  }

  /** Records the latency of every logged edit an observer's document applies from now on. */
  observe(doc: Y.Doc): void {
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin !== REMOTE) return
      const now = performance.now()
      for (const [client, after] of tr.afterState) {
        const times = this.sentAt.get(client)
        if (!times) continue
        const before = tr.beforeState.get(client) ?? 0
        for (let clock = before; clock < after; clock++) {
          const at = times[clock]
          if (at !== undefined) this.latencies.push(now - at)
        }
      }
    })
  }

  /** The clock each writer reached: what every observer must reach. */
  finalClocks(): Map<number, number> {
    const clocks = new Map<number, number>()
    for (const [client, times] of this.sentAt) clocks.set(client, times.length)
    return clocks
  }
}
