// What `pnpm bench` measures, at full size or reduced for `--quick`. Sizes follow issue 7: N = 10, 50 and
// 200 connections for the typing workloads; the quick mode runs N = 50 and smaller documents.
import type { ClientSpec } from './client/clientFigures.ts'
import type { JoinSpec, MemorySpec, StorageSpec, TypingSpec } from './load/messages.ts'
import type { ServerName } from './servers/serverTarget.ts'

export type WorkloadName =
  | 'hot-room'
  | 'many-rooms'
  | 'large-join'
  | 'memory-connections'
  | 'memory-documents'
  | 'storage'
  | 'update-gate'

export type PhaseSpec =
  | { readonly kind: 'typing'; readonly spec: TypingSpec }
  | { readonly kind: 'join'; readonly spec: Omit<JoinSpec, 'updateFile'>; readonly operations: number }
  | { readonly kind: 'memory'; readonly spec: MemorySpec }
  | { readonly kind: 'storage'; readonly spec: StorageSpec }

export interface Phase {
  readonly workload: WorkloadName
  /** How big, in words: "N=200", "259,778 ops", "1000 docs × 1". */
  readonly size: string
  readonly servers: readonly ServerName[]
  readonly run: PhaseSpec
  /** Measured in the first repetition only (the quick mode's non-latency phases, to stay under 3 min). */
  readonly once?: boolean
}

export interface Plan {
  readonly mode: 'full' | 'quick'
  readonly repetitions: number
  /** New server processes for every repetition (full mode), or one set for the whole run (quick). */
  readonly freshServersPerRepetition: boolean
  readonly phases: readonly Phase[]
  /** Storage runs once, against ours only, after the interleaved repetitions. */
  readonly storage: Phase
  /** The client benchmark (headless Chromium against ours), after the servers are gone. */
  readonly client: ClientSpec
}

const ALL: readonly ServerName[] = ['ours', 'reference', 'hocuspocus', 'relay']
/** The relay stores nothing, so a late joiner gets nothing from it. */
const WITH_STATE: readonly ServerName[] = ['ours', 'reference', 'hocuspocus']

/** One document, a quarter of the connections writing at 2 edits/s with a caret update per keystroke. */
export function hotRoom(connections: number, durationMs: number): Phase {
  const writers = Math.max(2, Math.round(connections / 4))
  const viewers = connections - writers
  const fullObservers = Math.max(2, Math.round(viewers / 15))
  return {
    workload: 'hot-room',
    size: `N=${connections}`,
    servers: ALL,
    run: {
      kind: 'typing',
      spec: {
        rooms: 1,
        writersPerRoom: writers,
        fullObserversPerRoom: fullObservers,
        lightViewersPerRoom: viewers - fullObservers,
        editsPerSecond: 2,
        presence: true,
        durationMs,
      },
    },
  }
}

/** Rooms of 10 clients, every client typing 2 edits/s. */
export function manyRooms(connections: number, durationMs: number): Phase {
  return {
    workload: 'many-rooms',
    size: `N=${connections}`,
    servers: ALL,
    run: {
      kind: 'typing',
      spec: {
        rooms: Math.max(1, Math.round(connections / 10)),
        writersPerRoom: 10,
        fullObserversPerRoom: 0,
        lightViewersPerRoom: 0,
        editsPerSecond: 2,
        presence: false,
        durationMs,
      },
    },
  }
}

function largeJoin(operations: number, sequentialJoins: number, simultaneousJoins: number): Phase {
  return {
    workload: 'large-join',
    size: operations >= 259_778 ? '259,778 ops (B4)' : `${operations.toLocaleString('en')} ops (B4 prefix)`,
    servers: WITH_STATE,
    run: { kind: 'join', operations, spec: { sequentialJoins, simultaneousJoins, coldLoad: true } },
  }
}

function memory(documents: number, connectionsPerDocument: number): Phase {
  return {
    workload: documents === 1 ? 'memory-connections' : 'memory-documents',
    size: `${documents} doc${documents === 1 ? '' : 's'} × ${connectionsPerDocument}`,
    servers: ALL,
    run: { kind: 'memory', spec: { documents, connectionsPerDocument } },
  }
}

function storage(writers: number, editsPerWriter: number): Phase {
  return {
    workload: 'storage',
    size: `${writers * editsPerWriter} edits`,
    servers: ['ours'],
    run: { kind: 'storage', spec: { writers, editsPerWriter, crash: true } },
  }
}

export function fullPlan(): Plan {
  return {
    mode: 'full',
    repetitions: 3,
    freshServersPerRepetition: true,
    phases: [
      hotRoom(10, 6_000),
      hotRoom(50, 6_000),
      hotRoom(200, 6_000),
      manyRooms(10, 6_000),
      manyRooms(50, 6_000),
      manyRooms(200, 6_000),
      largeJoin(Number.MAX_SAFE_INTEGER, 10, 20),
      memory(1, 1000),
      memory(1000, 1),
    ],
    storage: storage(5, 100),
    client: {
      words: 50_000,
      opens: 3,
      keystrokes: 300,
      keyIntervalMs: 100,
      remoteTypists: 3,
      remoteEditsPerSecond: 2,
    },
  }
}

export function quickPlan(): Plan {
  return {
    mode: 'quick',
    repetitions: 3,
    freshServersPerRepetition: false,
    phases: [
      hotRoom(50, 2_500),
      manyRooms(50, 2_500),
      { ...largeJoin(40_000, 5, 10), once: true },
      { ...memory(1, 100), once: true },
      { ...memory(100, 1), once: true },
    ],
    storage: storage(5, 40),
    // Issue 7's 200 keystrokes at least, on a fifth of the document, opened once.
    client: {
      words: 10_000,
      opens: 1,
      keystrokes: 200,
      keyIntervalMs: 60,
      remoteTypists: 3,
      remoteEditsPerSecond: 2,
    },
  }
}
