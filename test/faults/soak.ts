// Soak: thousands of connect/disconnect cycles across all demo documents, mixing clean sessions with
// failures during login (wrong password), during load (socket dropped before the document is ready),
// during write (socket dropped right after an update) and during the upgrade (half a request). After
// the cycles the number of documents and connections in memory must return to the baseline, the heap
// must come back near it, and every write that was acknowledged must be stored exactly once. The heap is
// read after a full GC in the server (the benchmark's monitor, bench/servers/loopMonitor.ts): read
// without one, it held up to ~60 MiB of garbage after 10,000 cycles, and the check failed at random.
import { connect } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { orderedSections } from '@novex/shared'
import * as Y from 'yjs'
import { readMonitor } from '../bench/servers/serverTarget.ts'
import { barrier, syncUpdate } from '../helpers/frames.ts'
import { type RunningServer, tempDataDir } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { closeCode, metrics, openAttacker, sleep, startFaultServer } from './harness.ts'
import { check, type Report } from './report.ts'
import type { Sizes } from './sizes.ts'
import { occurrences, textOf } from './typist.ts'

const SUITE = 'soak'
const CONCURRENCY = 16
const DOCUMENTS = ['ontwikkelperspectief-de-peel', 'ruimtelijk-voorstel-noord-brabant'] as const
/** Growth of the heap after a full GC that we accept after the cycles (caches, code, pools). */
const HEAP_SLACK_MIB = 8
const LOOP_MONITOR = fileURLToPath(new URL('../bench/servers/loopMonitor.ts', import.meta.url))

type Cycle = 'clean' | 'login-failure' | 'drop-during-load' | 'write' | 'drop-during-write' | 'half-upgrade'
const PATTERN: readonly Cycle[] = ['clean', 'write', 'drop-during-load', 'clean', 'drop-during-write', 'half-upgrade']

export async function soakSuite(report: Report, sizes: Sizes): Promise<void> {
  const dataDir = tempDataDir()
  const statsFile = join(dataDir, 'soak-monitor.json')
  const server = await startFaultServer({
    dataDir,
    env: {
      NODE_OPTIONS: `--import tsx --import ${LOOP_MONITOR}`,
      BENCH_STATS_FILE: statsFile,
      NOVEX_LIMIT_CONNECTIONS_PER_IP: '100000000',
      NOVEX_LIMIT_CONNECTIONS_PER_USER: '100000000',
      NOVEX_LIMIT_UPDATES_PER_USER: '100000000',
      NOVEX_LIMIT_UPDATES_PER_IP: '100000000',
      LOGIN_LIMIT_PER_IP: '100000',
    },
  })
  const heapAfterGc = async (): Promise<number> =>
    (await readMonitor(server.process.pid ?? 0, statsFile, { heap: true })).heapUsedBytes
  try {
    await report.run(SUITE, `${sizes.soakCycles.toLocaleString('en-US')} connect/disconnect cycles`, async () => {
      const cookies = [await login(server, DEMO.rijkAuteur), await login(server, DEMO.provincieAuteur)]
      const states = new Map(DOCUMENTS.map((d) => [d, Y.encodeStateAsUpdate(readCommitted(server.dataDir, d).doc)]))
      // Warm up once per document so the baseline includes loaded code paths, then let rooms unload.
      for (const documentId of DOCUMENTS) await cycle(server, 'clean', documentId, cookies[0] ?? '', 0, states)
      await waitFor(async () => (await metrics(server)).rooms_open === 0, {
        timeout: 20_000,
        message: 'warm-up unload',
      })
      const baseline = await metrics(server)
      const heapBefore = await heapAfterGc()
      const acked: string[] = []
      const tally = new Map<Cycle, number>()
      let next = 0
      const worker = async (): Promise<void> => {
        for (;;) {
          const n = next++
          if (n >= sizes.soakCycles) return
          const kind = n % 50 === 49 ? 'login-failure' : (PATTERN[n % PATTERN.length] ?? 'clean')
          const documentId = DOCUMENTS[n % DOCUMENTS.length] ?? DOCUMENTS[0]
          const marker = await cycle(server, kind, documentId, cookies[n % cookies.length] ?? '', n, states)
          if (marker) acked.push(marker)
          tally.set(kind, (tally.get(kind) ?? 0) + 1)
        }
      }
      await Promise.all(Array.from({ length: CONCURRENCY }, worker))
      await waitFor(
        async () => {
          const m = await metrics(server)
          return m.rooms_open === baseline.rooms_open && m.peers_open === 0
        },
        { timeout: 30_000, message: 'rooms and peers back to the baseline' },
      )
      const after = await metrics(server)
      const grownMiB = ((await heapAfterGc()) - heapBefore) / 1024 / 1024
      check(grownMiB < HEAP_SLACK_MIB, `heap grew ${grownMiB.toFixed(1)} MiB`)
      const stored = DOCUMENTS.map((d) => textOf(readCommitted(server.dataDir, d).doc)).join('\n')
      const present = acked.filter((m) => occurrences(stored, m) === 1).length
      const mix = [...tally].map(([k, v]) => `${v} ${k}`).join(', ')
      return {
        acked: acked.length,
        present,
        detail: `${mix}; rooms ${after.rooms_open}, peers ${after.peers_open}, heap ${grownMiB >= 0 ? '+' : ''}${grownMiB.toFixed(1)} MiB`,
      }
    })
  } finally {
    await server.stop()
    server.cleanup()
  }
}

/** One cycle; returns the marker when it wrote and the server acknowledged it. */
async function cycle(
  server: RunningServer,
  kind: Cycle,
  documentId: string,
  cookie: string,
  n: number,
  states: ReadonlyMap<string, Uint8Array>,
): Promise<string | null> {
  if (kind === 'login-failure') {
    await fetch(`${server.httpUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.lezer, password: 'fout-wachtwoord' }),
    }).then((res) => res.arrayBuffer())
    return null
  }
  if (kind === 'half-upgrade') {
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(`GET /sync/${documentId} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n`)
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, 5)
      })
      socket.on('error', () => resolve())
    })
    return null
  }
  const socket = await openAttacker(server, documentId, cookie, '127.0.0.1')
  if (kind === 'drop-during-load') {
    socket.ws.terminate()
    return null
  }
  await waitFor(() => socket.frames.length >= 2, { timeout: 10_000, message: 'the document to load' })
  if (kind === 'clean') {
    socket.close()
    await closeCode(socket, 5_000)
    return null
  }
  const marker = `[soak-${n}]`
  const doc = new Y.Doc()
  Y.applyUpdate(doc, states.get(documentId) ?? new Uint8Array([0, 0]))
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  orderedSections(doc)[7]?.title.insert(0, marker)
  for (const update of updates) socket.send(syncUpdate(update))
  if (kind === 'drop-during-write') {
    socket.ws.terminate()
    return null
  }
  socket.send(barrier(1))
  await waitFor(() => socket.frames.some((f) => f[0] === 101), { timeout: 10_000, message: 'persisted' })
  socket.close()
  await sleep(0)
  return marker
}
