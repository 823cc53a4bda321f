// Watches a server process's main thread from outside during a measured window: every few milliseconds
// it reads /proc/<pid>/syscall (the system call the thread is in, or "running") and its scheduler state.
// One system call that lasts STALL_MS or more — waiting for events excluded — is a stall, reported with
// the file it was on (samples belong to one call while the thread's read and write counts stand still).
// Running is never a stall here: samples cannot tell one long run from many short turns. It tells a slow
// disk (ours's commit is an fsync in state D) from a lock wait (SQLite's busy handler sleeps) without
// touching the server. Linux on x86-64 only (the syscall numbers); elsewhere, and when /proc cannot be
// read, it reports nothing and says so (`null`).
import { readFileSync, readlinkSync } from 'node:fs'
import { basename } from 'node:path'

/** A main thread that spends this long in one blocking system call has stalled. */
export const STALL_MS = 20
const SAMPLE_EVERY_MS = 5

export interface Stall {
  /** The system call, e.g. `fsync`. */
  readonly syscall: string
  /** The file of the call's descriptor (its base name), when the call takes one. */
  readonly file: string | null
  /** How long it lasted, to the sampling interval (5 ms). */
  readonly ms: number
  /** Scheduler states seen meanwhile; `D:<wchan>` is uninterruptible sleep and where (a disk wait). */
  readonly states: readonly string[]
  /** When it began, ms after the window began. */
  readonly atMs: number
}

/** x86-64 numbers of the calls that show up on a server's main thread. */
const SYSCALLS: Readonly<Record<number, string>> = {
  0: 'read',
  1: 'write',
  3: 'close',
  7: 'poll',
  8: 'lseek',
  9: 'mmap',
  10: 'mprotect',
  11: 'munmap',
  17: 'pread64',
  18: 'pwrite64',
  20: 'writev',
  35: 'nanosleep',
  72: 'fcntl',
  74: 'fsync',
  75: 'fdatasync',
  77: 'ftruncate',
  87: 'unlink',
  202: 'futex',
  230: 'clock_nanosleep',
  257: 'openat',
  285: 'fallocate',
}
/** Waiting for the next event: the loop is idle, not stalled. */
const IDLE = new Set([7, 232, 281, 441])
/** Calls whose first argument is a file descriptor worth naming. */
const ON_A_FILE = new Set([0, 1, 17, 18, 20, 72, 74, 75, 77, 285])

interface Current {
  readonly key: string
  readonly syscall: string
  readonly fd: number | null
  readonly idle: boolean
  readonly since: number
  /** The last sample that found the thread still in this call. */
  last: number
  readonly states: Set<string>
}

export interface StallSampler {
  /** Stops sampling and returns the stalls of the window. */
  stop(): Stall[]
}

export function startStallSampler(pid: number): StallSampler | null {
  if (process.platform !== 'linux' || process.arch !== 'x64' || read(pid) === null) return null
  const began = performance.now()
  const stalls: Stall[] = []
  let current: Current | null = null
  const close = (): void => {
    if (!current || current.idle) return
    // From the first to the last sample in the call, not to the sample that found it over: a sampler
    // that is itself late (a busy machine) must not turn a short call into a long one.
    const ms = current.last - current.since + SAMPLE_EVERY_MS
    if (ms < STALL_MS) return
    stalls.push({
      syscall: current.syscall,
      file: current.fd === null ? null : fileOf(pid, current.fd),
      ms: Math.round(ms),
      states: [...current.states].sort(),
      atMs: Math.round(current.since - began),
    })
  }
  const sample = (): void => {
    const now = performance.now()
    const seen = read(pid)
    if (seen === null) return
    if (current?.key !== seen.key) {
      close()
      current = { ...seen, since: now, last: now, states: new Set() }
    }
    current.last = now
    current.states.add(seen.state)
  }
  const timer = setInterval(sample, SAMPLE_EVERY_MS)
  return {
    stop() {
      clearInterval(timer)
      close()
      return stalls
    },
  }
}

function read(pid: number): (Omit<Current, 'since' | 'last' | 'states'> & { readonly state: string }) | null {
  try {
    const fields = readFileSync(`/proc/${pid}/syscall`, 'utf8').trim().split(' ')
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const scheduler = stat.charAt(stat.lastIndexOf(')') + 2)
    const state = scheduler === 'D' ? `D:${readFileSync(`/proc/${pid}/wchan`, 'utf8')}` : scheduler
    if (fields[0] === 'running' || fields[0] === undefined)
      return { key: 'running', syscall: 'running', fd: null, idle: true, state }
    const number = Number(fields[0])
    const fd = ON_A_FILE.has(number) ? Number.parseInt(fields[1] ?? '', 16) : null
    // Two samples in the same call on the same file are one call only if the thread made no read or
    // write call in between (a commit writes the WAL before each fsync; a turn reads and writes sockets).
    const io = readFileSync(`/proc/${pid}/io`, 'utf8')
    const calls = `${/syscr:\s+(\d+)/.exec(io)?.[1]}/${/syscw:\s+(\d+)/.exec(io)?.[1]}`
    return {
      key: `${number}:${fd ?? ''}:${calls}`,
      syscall: SYSCALLS[number] ?? `syscall ${number}`,
      fd: fd !== null && Number.isFinite(fd) ? fd : null,
      idle: IDLE.has(number) || number < 0,
      state,
    }
  } catch {
    return null
  }
}

function fileOf(pid: number, fd: number): string | null {
  try {
    return basename(readlinkSync(`/proc/${pid}/fd/${fd}`))
  } catch {
    return null
  }
}
