// Starts the real server as a child process on port 0 with its own temporary DATA_DIR, and reads the
// port from its "listening" log line.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const SERVER_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../server')
const REPO_DIR = resolve(SERVER_DIR, '..')

export interface StartOptions {
  /** Reuse a data directory (for restart tests); a fresh temp dir otherwise. */
  readonly dataDir?: string
  readonly env?: Readonly<Record<string, string>>
  /** Seed the demo documents (default true). */
  readonly demo?: boolean
  /** How long to wait for "listening" (default 30 s; the fault suite allows more on a loaded machine). */
  readonly startTimeoutMs?: number
}

export interface RunningServer {
  readonly port: number
  readonly httpUrl: string
  /** Base URL for WebsocketProvider: `${wsUrl}/<documentId>` is the sync endpoint. */
  readonly wsUrl: string
  readonly dataDir: string
  readonly process: ChildProcess
  /** Log lines the server printed so far (JSON strings). */
  readonly logs: string[]
  /** SIGTERM and wait for exit; returns the exit code. */
  stop(): Promise<number | null>
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>
  /** Removes the data directory (after stop). */
  cleanup(): void
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'novex-test-'))
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NOVEX_DEMO: options.demo === false ? '0' : '1',
      // A private build (`vite build --outDir …`) lets parallel work test its own client.
      CLIENT_DIST: process.env.NOVEX_TEST_CLIENT_DIST ?? join(REPO_DIR, 'client/dist'),
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: string[] = []
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)))
  const port = await new Promise<number>((resolvePort, reject) => {
    let buffer = ''
    const timer = setTimeout(() => {
      // Do not leave a half-started server behind to grab the port later.
      child.kill('SIGKILL')
      reject(new Error(`server did not start:\n${logs.join('\n')}`))
    }, options.startTimeoutMs ?? 30_000)
    child.stdout?.setEncoding('utf8')
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk
      let newline = buffer.indexOf('\n')
      while (newline >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        logs.push(line)
        const parsed = parseLine(line)
        if (parsed?.msg === 'listening' && typeof parsed.port === 'number') {
          clearTimeout(timer)
          resolvePort(parsed.port)
        }
        newline = buffer.indexOf('\n')
      }
    })
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => logs.push(chunk))
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${logs.join('\n')}`))
    })
  })
  return {
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    dataDir,
    process: child,
    logs,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
      child.kill('SIGTERM')
      return exited
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGKILL')
      await exited
    },
    cleanup() {
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function parseLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
  } catch {
    // Not every line is JSON (e.g. a stack trace on stderr); such lines are kept in `logs` only.
    return null
  }
}
