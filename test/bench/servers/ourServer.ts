// Our server as the integration tests start it (test/helpers/server.ts: a real process, a temporary
// SQLite DATA_DIR, the demo accounts), with authentication, the update gate and persist-before-ack on
// as in production, and the loop monitor preloaded. Clients log in as a demo author and send the cookie.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { metric } from '../../helpers/documents.ts'
import { type RunningServer, startServer, tempDataDir } from '../../helpers/server.ts'
import { DEMO, login } from '../../helpers/session.ts'
import { readMonitor, type ServerTarget } from './serverTarget.ts'

const HERE = fileURLToPath(new URL('.', import.meta.url))

/**
 * The load generator is one address and one account speaking for hundreds of users, so the per-IP and
 * per-user rate limits are lifted (the limiter still runs on every frame); everything else is default.
 */
const UNLIMITED = Object.fromEntries(
  [
    'CONNECTIONS_PER_IP',
    'CONNECTIONS_PER_USER',
    'UPDATES_PER_IP',
    'UPDATES_PER_USER',
    'UPDATES_PER_DOCUMENT',
    'PRESENCE_PER_IP',
    'PRESENCE_PER_USER',
    'PRESENCE_PER_DOCUMENT',
  ].map((name) => [`NOVEX_LIMIT_${name}`, '1000000']),
)

export interface OurServer extends ServerTarget {
  readonly running: RunningServer
}

export function isOurServer(server: ServerTarget): server is OurServer {
  return server.name === 'ours' && 'running' in server
}

export interface OurServerOptions {
  readonly dataDir?: string
  /** Profile the server: see loopMonitor.ts (BENCH_CPU_PROFILE). */
  readonly cpuProfilePrefix?: string
}

export async function startOurServer(options: OurServerOptions = {}): Promise<OurServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  const statsFile = join(dataDir, 'bench-monitor.json')
  const running = await startServer({
    dataDir,
    // The default 30 s is not always enough on this shared machine when other suites run: a storage phase
    // failed because the restart after kill -9 took longer (a busy moment, load average 17 on 2 cores).
    startTimeoutMs: 120_000,
    env: {
      NODE_OPTIONS: `--import tsx --import ${join(HERE, 'loopMonitor.ts')}`,
      ...(options.cpuProfilePrefix ? { BENCH_CPU_PROFILE: options.cpuProfilePrefix } : {}),
      BENCH_STATS_FILE: statsFile,
      ...UNLIMITED,
    },
  })
  const cookie = await login(running, DEMO.rijkAuteur)
  const pid = running.process.pid ?? 0
  return {
    name: 'ours',
    running,
    pid,
    unloadsIdleDocuments: true,
    endpoint: {
      dialect: 'y-websocket',
      urlTemplate: `${running.wsUrl}/{doc}`,
      headers: { cookie },
    },
    createDocuments: (ids) => seedDocuments(running.dataDir, ids),
    documentsInMemory: () => metric(running.httpUrl, 'rooms_open'),
    gateSeconds: () => metric(running.httpUrl, 'gate_seconds_total'),
    snapshot: (options) => readMonitor(pid, statsFile, options),
    async stop() {
      await running.stop()
      running.cleanup()
    },
  }
}

function seedDocuments(dataDir: string, ids: readonly string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', join(HERE, 'seedDocuments.ts'), dataDir],
      { cwd: join(HERE, '../..') },
      (error, _stdout, stderr) => (error ? reject(new Error(`seeding failed: ${stderr}`)) : resolvePromise()),
    )
    child.stdin?.end(JSON.stringify(ids))
  })
}
