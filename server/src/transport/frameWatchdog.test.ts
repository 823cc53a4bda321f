import { Writable } from 'node:stream'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { createMetrics } from '../metrics.ts'
import { testPeer } from '../rooms/testPeer.ts'
import { FrameWatchdog } from './frameWatchdog.ts'

function setup(budgetMs: number) {
  const lines: string[] = []
  const logger = pino(
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    }),
  )
  const metrics = createMetrics()
  const ends: (() => void)[] = []
  const watchdog = new FrameWatchdog({ metrics, logger, budgetMs, schedule: (fn) => ends.push(fn) })
  const peer = testPeer(logger, 7)
  return { lines, metrics, ends, watchdog, peer }
}

/** Keeps the CPU busy for at least `ms` of CPU time. */
function burn(ms: number): void {
  const start = process.cpuUsage()
  for (;;) {
    const used = process.cpuUsage(start)
    if ((used.user + used.system) / 1000 >= ms) return
  }
}

describe('frame watchdog', () => {
  it('measures once per turn and logs a turn over the budget with the connections in it', () => {
    const { lines, metrics, ends, watchdog, peer } = setup(20)
    watchdog.enter(peer)
    watchdog.enter(peer)
    burn(30)
    expect(ends).toHaveLength(1)
    ends[0]?.()
    expect(metrics.slowFrames).toBe(1)
    expect(metrics.slowestFrameMs).toBeGreaterThanOrEqual(30)
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      msg: 'slow frame',
      frames: 2,
      peers: [{ peer: 7, user: 'u1' }],
    })
  })

  it('does not log a turn under the budget, and a new turn starts a new measure', () => {
    const { lines, metrics, ends, watchdog, peer } = setup(1_000)
    watchdog.enter(peer)
    ends[0]?.()
    watchdog.enter(peer)
    expect(ends).toHaveLength(2)
    ends[1]?.()
    expect(metrics.slowFrames).toBe(0)
    expect(lines).toHaveLength(0)
  })

  it('bounds the cost of a refused frame by its turn so far', () => {
    const { metrics, watchdog, peer } = setup(1_000)
    watchdog.enter(peer)
    burn(5)
    watchdog.refused()
    expect(metrics.slowestRejectedFrameMs).toBeGreaterThanOrEqual(5)
  })
})
