// Starts one reference server script (reference, Hocuspocus, relay) in its own process, with the loop
// monitor preloaded, and waits for the `{ "port": n }` line it prints once listening.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Dialect, readMonitor, type ServerName, type ServerTarget } from './serverTarget.ts'

const HERE = fileURLToPath(new URL('.', import.meta.url))
const SCRIPTS: Readonly<Record<Exclude<ServerName, 'ours'>, { file: string; dialect: Dialect; unloads: boolean }>> = {
  reference: { file: 'referenceServer.ts', dialect: 'y-websocket', unloads: false },
  hocuspocus: { file: 'hocuspocusServer.ts', dialect: 'hocuspocus', unloads: true },
  relay: { file: 'relayServer.ts', dialect: 'y-websocket', unloads: true },
}

export async function startChildServer(name: Exclude<ServerName, 'ours'>): Promise<ServerTarget> {
  const script = SCRIPTS[name]
  const dir = mkdtempSync(join(tmpdir(), `novex-bench-${name}-`))
  const statsFile = join(dir, 'monitor.json')
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', join(HERE, 'loopMonitor.ts'), join(HERE, script.file)],
    {
      cwd: resolve(HERE, '../..'),
      env: { ...process.env, BENCH_STATS_FILE: statsFile, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const port = await new Promise<number>((resolvePort, reject) => {
    let buffer = ''
    const timer = setTimeout(() => reject(new Error(`${name} server did not start`)), 30_000)
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk
      const match = /\{"port":(\d+)\}/.exec(buffer)
      if (match) {
        clearTimeout(timer)
        resolvePort(Number(match[1]))
      }
    })
    void exited.then(() => reject(new Error(`${name} server exited before listening`)))
  })
  const pid = child.pid ?? 0
  return {
    name,
    pid,
    unloadsIdleDocuments: script.unloads,
    endpoint: {
      dialect: script.dialect,
      urlTemplate: script.dialect === 'hocuspocus' ? `ws://127.0.0.1:${port}/` : `ws://127.0.0.1:${port}/{doc}`,
      headers: {},
    },
    async createDocuments() {},
    async documentsInMemory() {
      return (await readMonitor(pid, statsFile)).documentsInMemory
    },
    snapshot: (options) => readMonitor(pid, statsFile, options),
    async stop() {
      child.kill('SIGKILL')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
