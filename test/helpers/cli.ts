// Runs the server's administration CLI against a running test server's data directory.
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunningServer } from './server.ts'

const SERVER_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../server')

export function runCli(
  server: RunningServer,
  args: readonly string[],
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: SERVER_DIR, env: { ...process.env, DATA_DIR: server.dataDir } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0
        resolvePromise({ code, stdout, stderr })
      },
    )
    child.stdin?.end(stdin ?? '')
  })
}
