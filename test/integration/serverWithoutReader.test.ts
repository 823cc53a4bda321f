// A server whose output nobody reads any more (the process that started it and read its log is gone,
// so its stdout is a closed pipe) still stops on SIGTERM. It used not to: pino's exit handler retried
// the unwritable log line forever (EPIPE), so such a server never exited.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { tempDataDir } from '../helpers/server.ts'
import { waitFor } from '../helpers/waitFor.ts'

const SERVER_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../server')

/** Starts the server from a go-between process that reads its output until "listening", then exits. */
async function startOrphan(dataDir: string): Promise<number> {
  const script = `
    const { spawn } = require('node:child_process')
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ${JSON.stringify(SERVER_DIR)},
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: ${JSON.stringify(dataDir)} },
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('"listening"')) { console.log(child.pid); process.exit(0) }
    })`
  const goBetween = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  goBetween.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
  })
  await new Promise((done) => goBetween.once('exit', done))
  const pid = Number(out.trim())
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no server pid: ${out}`)
  return pid
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

it('stops on SIGTERM when nobody reads its output any more', async () => {
  const dataDir = tempDataDir()
  const pid = await startOrphan(dataDir)
  try {
    process.kill(pid, 'SIGTERM')
    await waitFor(() => !alive(pid), { message: 'the server to exit', timeout: 10_000 }).catch(() => undefined)
    expect(alive(pid), 'the server still runs 10 s after SIGTERM').toBe(false)
  } finally {
    if (alive(pid)) process.kill(pid, 'SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 40_000)
