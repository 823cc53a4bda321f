// The messages between the runner and the load generator process (IPC). The generator announces named
// checkpoints and waits: the runner reads the server's figures there (and may restart the server,
// handing back a new endpoint), then lets it continue.
import type { Endpoint } from '../servers/serverTarget.ts'
import type { Percentiles } from './percentiles.ts'

export interface TypingSpec {
  readonly rooms: number
  readonly writersPerRoom: number
  readonly fullObserversPerRoom: number
  readonly lightViewersPerRoom: number
  readonly editsPerSecond: number
  readonly presence: boolean
  readonly durationMs: number
}

export interface JoinSpec {
  /** Path of the cached encoded document (the B4 replay). */
  readonly updateFile: string
  readonly sequentialJoins: number
  readonly simultaneousJoins: number
  /** Ours only: measure a load from storage after the room was unloaded. */
  readonly coldLoad: boolean
}

export interface MemorySpec {
  readonly documents: number
  readonly connectionsPerDocument: number
  /** An unmeasured round (memoryPhase.ts): nothing is read while connected, and a short settle after. */
  readonly warmUp?: boolean
}

export interface StorageSpec {
  readonly writers: number
  readonly editsPerWriter: number
  /** Kill the server after the edits were seen by an observer, restart, count what survived. */
  readonly crash: boolean
}

export type Task =
  | { readonly kind: 'typing'; readonly endpoint: Endpoint; readonly prefix: string; readonly spec: TypingSpec }
  | { readonly kind: 'join'; readonly endpoint: Endpoint; readonly prefix: string; readonly spec: JoinSpec }
  | { readonly kind: 'memory'; readonly endpoint: Endpoint; readonly prefix: string; readonly spec: MemorySpec }
  | { readonly kind: 'storage'; readonly endpoint: Endpoint; readonly prefix: string; readonly spec: StorageSpec }

export interface GeneratorLoad {
  /** Generator CPU time / wall time over the measured window (1 = one core busy). */
  readonly cpuFraction: number
  readonly loopDelayP99Ms: number
  /** Busy ≥ 85 % of a core or its event loop p99 ≥ 50 ms: its own delays may show up in the figures. */
  readonly saturated: boolean
}

export interface TypingResult {
  readonly kind: 'typing'
  readonly editsSent: number
  readonly typingMs: number
  /** Typing plus the drain until every full replica had every edit. */
  readonly windowMs: number
  readonly framesReceived: number
  readonly bytesReceived: number
  readonly latency: Percentiles
  readonly lostUpdates: number
  readonly converged: boolean
  readonly generator: GeneratorLoad
}

export interface JoinResult {
  readonly kind: 'join'
  readonly documentBytes: number
  /** Socket open → step 2 received, per sequential join (a full client verifies the content once). */
  readonly sequentialMs: readonly number[]
  /** Open of the first → step 2 on the last of the simultaneous joins. */
  readonly simultaneousMs: number
  readonly coldMs: number | null
  /** The server still had the document's content on the last join. */
  readonly contentIntact: boolean
  readonly generator: GeneratorLoad
}

export interface MemoryResult {
  readonly kind: 'memory'
  readonly connections: number
  readonly connectMs: number
  readonly generator: GeneratorLoad
}

export interface StorageResult {
  readonly kind: 'storage'
  readonly editsSent: number
  readonly editsObserved: number
  /** Edits seen by an observer before the crash that were missing after the restart (null: no crash). */
  readonly lostAfterCrash: number | null
  readonly generator: GeneratorLoad
}

export type TaskResult = TypingResult | JoinResult | MemoryResult | StorageResult

export type GeneratorMessage =
  | { readonly type: 'checkpoint'; readonly name: string }
  | { readonly type: 'result'; readonly result: TaskResult }
  | { readonly type: 'error'; readonly message: string }

export type RunnerMessage =
  | { readonly type: 'task'; readonly task: Task }
  | { readonly type: 'continue'; readonly endpoint?: Endpoint }
