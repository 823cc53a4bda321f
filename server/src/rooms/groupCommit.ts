// Group commit: every room with updates waiting at the end of an event-loop turn is written in one SQLite
// transaction (with the client-id claims of those updates), so one commit — one fsync with
// synchronous=FULL — makes all of them durable; then each room broadcasts and acknowledges its batch, in
// the order the rooms asked. Before, every room committed alone, and because better-sqlite3 commits on
// the event loop every room waited for every other room's fsync (the bench profile: 40 % of wall time).
// A document whose rows fail is reported to its own room only; a failed commit to every room in it.
// Each commit is timed: one that waited SLOW_COMMIT_MS or more for storage is counted and logged.
import type { Logger } from 'pino'
import type { Metrics } from '../metrics.ts'
import type { ClientIdRegistry } from '../persistence/clientIdRegistry.ts'
import type { DocumentStore, DocumentWrite } from '../persistence/documentStore.ts'

/** What a room hands to the group commit (the Room implements it). */
export interface CommitParticipant {
  /** The write to make now, or null when there is nothing (or the room is gone). */
  prepareWrite(): PreparedWrite | null
  /** After the commit: `error` is undefined when the write is durable. */
  completeWrite(prepared: PreparedWrite | null, error: { reason: unknown } | undefined): void
}

export interface PreparedWrite extends DocumentWrite {
  /** How many pending updates of the room the write covers. */
  readonly count: number
}

/**
 * A commit runs on the event loop, so while it waits for the disk every document on the server waits:
 * nothing is broadcast or acknowledged. On the benchmark's VM the fsync of the WAL sometimes took
 * 100–363 ms with nothing else writing (docs/performance.md, Bottlenecks); operators see it as slow_commits_total.
 */
export const SLOW_COMMIT_MS = 100

const performanceNow = (): number => performance.now()

export interface GroupCommitDeps {
  readonly store: DocumentStore
  readonly clientIds: ClientIdRegistry
  readonly metrics: Metrics
  readonly logger: Pick<Logger, 'warn'>
  /** Runs the commit at the end of this event-loop turn (injectable for tests). */
  readonly schedule?: (fn: () => void) => void
  /** Milliseconds, for timing the commit (injectable for tests). */
  readonly now?: () => number
}

export class GroupCommit {
  /** Rooms that asked for a commit this turn, in the order they asked. */
  private readonly waiting = new Set<CommitParticipant>()
  private scheduled = false
  private readonly deps: GroupCommitDeps

  constructor(deps: GroupCommitDeps) {
    this.deps = deps
  }

  /** The room has updates to write: commit them at the end of this turn, with everyone else's. */
  request(room: CommitParticipant): void {
    this.waiting.add(room)
    if (this.scheduled) return
    this.scheduled = true
    const schedule = this.deps.schedule ?? setImmediate
    schedule(() => {
      this.scheduled = false
      this.commit([])
    })
  }

  /** Commits now: these rooms and every room already waiting (shutdown, a decision on committed text). */
  commitNow(rooms: Iterable<CommitParticipant>): void {
    this.commit(rooms)
  }

  private commit(extra: Iterable<CommitParticipant>): void {
    const rooms = new Set(this.waiting)
    for (const room of extra) rooms.add(room)
    this.waiting.clear()
    const prepared: { room: CommitParticipant; write: PreparedWrite | null }[] = []
    const writes: PreparedWrite[] = []
    for (const room of rooms) {
      const write = room.prepareWrite()
      prepared.push({ room, write })
      if (write) writes.push(write)
    }
    let failed: ReadonlyMap<string, unknown> = new Map()
    if (writes.length > 0 || this.deps.clientIds.hasUnwritten) {
      const now = this.deps.now ?? performanceNow
      const started = now()
      failed = this.deps.store.appendMany(writes, this.deps.clientIds.writeClaims)
      this.timed(now() - started, writes.length)
    }
    for (const { room, write } of prepared) {
      const reason = write ? failed.get(write.documentId) : undefined
      room.completeWrite(write, write && failed.has(write.documentId) ? { reason } : undefined)
    }
  }

  private timed(ms: number, documents: number): void {
    const { metrics, logger } = this.deps
    metrics.groupCommits++
    metrics.commitSeconds += ms / 1000
    if (ms > metrics.slowestCommitMs) metrics.slowestCommitMs = ms
    if (ms < SLOW_COMMIT_MS) return
    metrics.slowCommits++
    logger.warn({ ms: Math.round(ms), documents }, 'slow commit: every document waited this long for storage')
  }
}
