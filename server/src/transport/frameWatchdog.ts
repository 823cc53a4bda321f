// The watchdog on client frames: how much CPU the frames of one event-loop turn cost, measured once per
// turn (the first frame of a turn starts the measure, an immediate at the end of the turn reads it)
// instead of around every frame: `process.cpuUsage()` is a system call, and four of them per frame were
// 2.6 % of the hot room's busy time when quiet and 9–14 % under load (issue 7).
// The guarantee stays: a frame that costs more than the budget makes its turn cost more than the budget,
// and the turn is logged with the connections whose frames ran in it. The figures are per turn, so they
// bound each frame's cost from above (other work of the same turn counts too).
// CPU time, not wall time: on a busy machine a turn may wait for the CPU without costing any. The CPU is
// read at the end only when the turn took at least CHECK_MS of wall time: the main thread cannot have
// spent more CPU than that in a shorter turn, and most turns are far shorter (one system call per turn).
import type { Logger } from 'pino'
import type { Metrics } from '../metrics.ts'
import type { Peer } from '../rooms/peer.ts'

/** Turns shorter than this (wall time) cost less CPU than this, and are not measured further. */
const CHECK_MS = 1
/** Connections named in the log line of a slow turn. */
const NAMED_PEERS = 8

export interface FrameWatchdogDeps {
  readonly metrics: Metrics
  readonly logger: Logger
  /** A turn of frames that costs more CPU than this is logged. */
  readonly budgetMs: number
  /** Runs a function at the end of this turn (injectable for tests). */
  readonly schedule?: (fn: () => void) => void
}

export class FrameWatchdog {
  private readonly deps: FrameWatchdogDeps
  private start: NodeJS.CpuUsage | null = null
  private startedAt = 0
  private frames = 0
  private readonly peers: Peer[] = []

  constructor(deps: FrameWatchdogDeps) {
    this.deps = deps
  }

  /** Before the work of a frame of `peer`: the first one of a turn starts the measure. */
  enter(peer: Peer): void {
    if (this.start === null) {
      this.start = process.cpuUsage()
      this.startedAt = performance.now()
      ;(this.deps.schedule ?? setImmediate)(this.endTurn)
    }
    this.frames++
    if (this.peers.length < NAMED_PEERS && this.peers[this.peers.length - 1] !== peer) this.peers.push(peer)
  }

  /** A frame was refused as malformed: what its turn cost so far bounds what the frame cost. */
  refused(): void {
    if (this.start === null) return
    const ms = cpuMs(process.cpuUsage(this.start))
    if (ms > this.deps.metrics.slowestRejectedFrameMs) this.deps.metrics.slowestRejectedFrameMs = ms
  }

  private readonly endTurn = (): void => {
    if (this.start === null) return
    const { metrics, logger, budgetMs } = this.deps
    const ms = performance.now() - this.startedAt < CHECK_MS ? 0 : cpuMs(process.cpuUsage(this.start))
    if (ms > metrics.slowestFrameMs) metrics.slowestFrameMs = ms
    if (ms > budgetMs) {
      metrics.slowFrames++
      logger.warn(
        {
          ms,
          frames: this.frames,
          peers: this.peers.map((p) => ({ peer: p.id, user: p.user.id, documentId: p.documentId })),
        },
        'slow frame',
      )
    }
    this.start = null
    this.frames = 0
    this.peers.length = 0
  }
}

function cpuMs(used: NodeJS.CpuUsage): number {
  return (used.user + used.system) / 1000
}
