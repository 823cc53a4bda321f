// Dossier files are rendered on worker threads, never on the event loop that serves the sync sockets.
// Why: rendering a 50,000-word dossier takes 0.2–0.7 s of CPU (PDF 0.54 s, DOCX 0.64 s on the 2-core
// test machine); on the main thread every room of every document stood still for that long, once per
// export, and before a BO-MIRT everyone exports. Piscina (https://github.com/piscinajs/piscina) keeps the
// threads, queues the tasks and lowers the threads' priority (`niceIncrement`, Linux), so typing wins the
// CPU from a running export.
import { availableParallelism } from 'node:os'
import Piscina from 'piscina'
import type { Dossier, ExportFormat } from './dossier.ts'
import type { RenderTask, UploadCheck } from './renderWorker.ts'

export interface ExportPool {
  /** Renders on a worker thread; `ExportBusy` when too many exports already wait. */
  render(dossier: Dossier, format: ExportFormat, signal?: AbortSignal): Promise<Uint8Array>
  /**
   * Whether an upload's bytes are a PNG or JPEG every export can show, and a photo on its side turned
   * upright, on a worker thread (renderWorker.ts `checkUpload`).
   */
  checkUpload(bytes: Uint8Array): Promise<UploadCheck>
  close(): Promise<void>
}

/** Thrown by `render` when the queue is full: the caller answers "try again shortly". */
export class ExportBusy extends Error {
  constructor() {
    super('export queue full')
    this.name = 'ExportBusy'
  }
}

export interface ExportPoolOptions {
  /** Worker threads; 0 = one core fewer than the machine has (at least one). */
  readonly threads: number
  /** Exports that may wait for a free thread; one more is refused with `ExportBusy`. */
  readonly queue: number
}

/** A thread is kept this long after its last export, then stopped to give its memory back. */
const IDLE_MS = 60_000
/** Lower priority than the sync loop (nice +10): a running export must not slow down typing. */
const NICE_INCREMENT = 10
/**
 * A heap of its own per thread: an export that runs out of it ends that thread with an error (the user
 * gets a 500), instead of taking the whole server down. A 50,000-word PDF needs well under 100 MiB.
 */
const THREAD_HEAP_MIB = 512

export function createExportPool(options: ExportPoolOptions): ExportPool {
  const threads = options.threads > 0 ? options.threads : Math.max(1, availableParallelism() - 1)
  const pool = new Piscina<RenderTask | Uint8Array, Uint8Array | boolean>({
    filename: new URL('./renderWorker.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: IDLE_MS,
    niceIncrement: NICE_INCREMENT,
    resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MIB },
  })
  // Exports running or waiting: counted here, so that the limit is exactly threads + queue.
  let admitted = 0
  return {
    async render(dossier, format, signal) {
      if (admitted >= threads + options.queue) throw new ExportBusy()
      admitted += 1
      try {
        const file = await pool.run({ dossier, format }, { signal: signal ?? null })
        if (!(file instanceof Uint8Array)) throw new Error('the export worker answered no file')
        return file
      } finally {
        admitted -= 1
      }
    },
    // Not counted against the export queue: an upload is small work, and its author is waiting.
    checkUpload: async (bytes) => {
      const check: unknown = await pool.run(bytes, { name: 'checkUpload' })
      if (!isUploadCheck(check)) throw new Error('the export worker answered no upload check')
      return check
    },
    close: () => pool.destroy(),
  }
}

function isUploadCheck(value: unknown): value is UploadCheck {
  return (
    typeof value === 'object' &&
    value !== null &&
    'whole' in value &&
    typeof value.whole === 'boolean' &&
    'upright' in value &&
    (value.upright === null || value.upright instanceof Uint8Array)
  )
}
