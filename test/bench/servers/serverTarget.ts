// What the runner knows about one benchmarked server: how clients reach it, which wire dialect it
// speaks, and how to read its process figures. The four implementations live beside this file.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { gcRequest, type MonitorSnapshot } from './loopMonitor.ts'

export const SERVER_NAMES = ['ours', 'reference', 'hocuspocus', 'relay'] as const
export type ServerName = (typeof SERVER_NAMES)[number]

/** y-websocket framing, or Hocuspocus's (every frame prefixed with the document name, auth first). */
export type Dialect = 'y-websocket' | 'hocuspocus'

/** What the load generator needs to open a socket to one document. */
export interface Endpoint {
  readonly dialect: Dialect
  /** `{doc}` is replaced by the document name. */
  readonly urlTemplate: string
  readonly headers: Readonly<Record<string, string>>
}

export interface ServerTarget {
  readonly name: ServerName
  readonly endpoint: Endpoint
  readonly pid: number
  /** Whether the server lets a document go once its last client left (the reference server never does). */
  readonly unloadsIdleDocuments: boolean
  /** Makes these documents exist (ours: in the catalog; the others accept any name). */
  createDocuments(ids: readonly string[]): Promise<void>
  /** Documents in memory, as the server itself counts them. */
  documentsInMemory(): Promise<number | null>
  /** Seconds the server spent in its update gate so far, as it counts them (ours only: the others have none). */
  gateSeconds?(): Promise<number>
  /** The process figures since the previous snapshot; `heap` collects garbage first (memory phases only). */
  snapshot(options?: SnapshotOptions): Promise<MonitorSnapshot>
  stop(): Promise<void>
}

export interface SnapshotOptions {
  /** Run a full GC before reading the heap (costly: never inside a window whose CPU or latency counts). */
  readonly heap?: boolean
}

/** Bytes written to storage by the process so far (/proc/<pid>/io write_bytes). */
export function storageBytesWritten(pid: number): number {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8')
  return Number(/write_bytes:\s+(\d+)/.exec(io)?.[1] ?? Number.NaN)
}

/** Asks the preloaded loop monitor for a snapshot (SIGUSR2; a request file for a GC first) and waits for its file. */
export async function readMonitor(
  pid: number,
  statsFile: string,
  options: SnapshotOptions = {},
): Promise<MonitorSnapshot> {
  rmSync(statsFile, { force: true })
  if (options.heap) writeFileSync(gcRequest(statsFile), '')
  process.kill(pid, 'SIGUSR2')
  const deadline = Date.now() + 10_000
  while (!existsSync(statsFile)) {
    if (Date.now() > deadline) throw new Error(`server ${pid} wrote no monitor snapshot`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const snapshot = JSON.parse(readFileSync(statsFile, 'utf8')) as MonitorSnapshot
  // A heap read without the GC asked for would compare garbage, not what the server holds.
  if (options.heap && !snapshot.heapAfterGc) throw new Error(`server ${pid} read its heap without a full GC`)
  return snapshot
}
