// The benchmark's stall sampler (test/bench/servers/stallSampler.ts) against real processes: a main thread
// that blocks in one system call is reported with the call, and a thread that makes many short blocking
// calls (a busy commit path) is not reported as one long one, even when the sampler itself runs late.
import { type ChildProcess, spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { startStallSampler } from '../bench/servers/stallSampler.ts'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

/** Starts `node -e script` and resolves once it printed its first line (it is running its loop). */
async function run(script: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)))
  })
  return child
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('bench stall sampler', () => {
  it('reports a main thread blocked in one system call, with the call and how long', async () => {
    // Blocks in futex for 300 ms every 600 ms (Atomics.wait on the main thread).
    const child = await run(
      `console.log('go'); const a = new Int32Array(new SharedArrayBuffer(4)); setInterval(() => Atomics.wait(a, 0, 0, 300), 600)`,
    )
    const sampler = startStallSampler(child.pid ?? 0)
    expect(sampler).not.toBeNull()
    await sleep(1_400)
    const stalls = sampler?.stop() ?? []
    const futex = stalls.filter((s) => s.syscall === 'futex')
    // A wait the window cut at either end is shorter; a whole one is 300 ms to the sampling interval.
    const longest = Math.max(...futex.map((s) => s.ms))
    expect(longest).toBeGreaterThan(250)
    expect(longest).toBeLessThan(400)
    expect(futex.flatMap((s) => s.states)).toContain('S')
  })

  it('does not join many short waits with writes between them into one stall', async () => {
    // A commit path in miniature: a write, then a 4 ms blocking wait, again and again. Every sample finds
    // the thread in the wait, but each wait is a call of its own.
    const child = await run(
      `const fs = require('fs'); const fd = fs.openSync('/dev/null', 'w'); const a = new Int32Array(new SharedArrayBuffer(4));` +
        `console.log('go'); for (;;) { fs.writeSync(fd, 'x'); Atomics.wait(a, 0, 0, 4) }`,
    )
    const sampler = startStallSampler(child.pid ?? 0)
    await sleep(400)
    // The sampler itself late, as on a busy machine: the call it last saw is not stretched to when it
    // looks again.
    const until = performance.now() + 60
    while (performance.now() < until) {}
    await sleep(400)
    expect(sampler?.stop()).toEqual([])
  })
})
