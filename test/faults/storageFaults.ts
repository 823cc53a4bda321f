// Storage faults: a locked database, slow writes, a full disk and a read-only data directory (both on
// a small tmpfs, when the machine lets us mount one), a corrupt stored row, and backup and restore.
// During a fault acknowledgements stop, the clients are told the document is read-only (an `access`
// frame) and what they still send is refused with reason `storage`; when writes work again they are
// told they may edit, and everything they typed is stored exactly once.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '@novex/server'
import { CloseCode } from '@novex/shared'
import { runCli } from '../helpers/cli.ts'
import { addCorruptRow } from '../helpers/quarantine.ts'
import type { RunningServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { closeCode, DE_PEEL, metrics, NOORD_BRABANT, openAttacker, sleep, startFaultServer } from './harness.ts'
import { check, type Report } from './report.ts'
import type { Sizes } from './sizes.ts'
import { Typist, tally, textOf } from './typist.ts'

const SUITE = 'storage faults'
const TMPFS_BYTES = 24 * 1024 * 1024

export async function storageFaultSuite(report: Report, _sizes: Sizes): Promise<void> {
  const mountPoint = mkdtempSync(join(tmpdir(), 'novex-tmpfs-'))
  const mounted = tryMount(mountPoint)
  // Unmounted whatever happens, also when the server does not even start.
  try {
    await storageCases(report, mountPoint, mounted)
  } finally {
    if (mounted) execFileSync('umount', ['-l', mountPoint])
    rmSync(mountPoint, { recursive: true, force: true })
  }
}

async function storageCases(report: Report, mountPoint: string, mounted: boolean): Promise<void> {
  const dataDir = mounted ? join(mountPoint, 'data') : mkdtempSync(join(tmpdir(), 'novex-faults-'))
  let server = await startFaultServer({ dataDir })
  const typist = new Typist({
    name: 'opslag',
    cookie: await login(server, DEMO.rijkAuteur),
    documentId: NOORD_BRABANT,
    section: 0,
    server,
  })
  try {
    await typist.client.synced()

    await report.run(SUITE, 'database locked by another writer for 3 s', () =>
      duringFault(server, typist, async () => {
        const other = openDatabase(server.dataDir)
        other.exec('BEGIN IMMEDIATE')
        return () => {
          other.exec('ROLLBACK')
          other.close()
        }
      }),
    )

    await report.run(SUITE, 'slow writes (lock held 150 ms of every 400 ms)', async () => {
      const other = openDatabase(server.dataDir)
      const accessBefore = typist.client.accessLog.length
      const slowBefore = (await metrics(server)).slow_commits_total ?? 0
      typist.start(50)
      for (let i = 0; i < 10; i++) {
        other.exec('BEGIN IMMEDIATE')
        await sleep(150)
        other.exec('ROLLBACK')
        await sleep(250)
      }
      other.close()
      typist.stop()
      await typist.settle()
      check(typist.client.accessLog.length === accessBefore, 'slow writes made the document read-only')
      // What an operator sees: the commits that waited for the lock are counted as slow (≥ 100 ms).
      const after = await metrics(server)
      const slow = (after.slow_commits_total ?? 0) - slowBefore
      check(slow > 0, `no slow commit counted while writes waited up to 150 ms (slowest ${after.slowest_commit_ms} ms)`)
      return {
        ...stored(server, typist),
        detail: `writes waited, nothing refused; ${slow} slow commits counted, slowest ${Math.round(after.slowest_commit_ms ?? 0)} ms`,
      }
    })

    if (mounted) {
      await report.run(SUITE, 'disk full', () =>
        duringFault(server, typist, async () => {
          const filler = join(mountPoint, 'vulling')
          fillDisk(filler)
          return () => rmSync(filler, { force: true })
        }),
      )
      // Linux refuses to make a mount read-only while a file on it is open for writing, so a read-only
      // data directory is met at start-up: the server must refuse to run, loudly, and touch nothing.
      await report.run(SUITE, 'data directory read-only at start-up', async () => {
        const readOnly = mkdtempSync(join(tmpdir(), 'novex-ro-'))
        execFileSync('mount', ['--bind', dataDir, readOnly])
        try {
          execFileSync('mount', ['-o', 'remount,bind,ro', readOnly])
          const outcome = await startFaultServer({ dataDir: readOnly, env: { PORT: '0' } }).then(
            async (running) => {
              await running.stop()
              return 'started'
            },
            (error: unknown) => (error instanceof Error ? error.message : String(error)),
          )
          check(/readonly|read-only|EROFS/i.test(outcome), `outcome: ${outcome.slice(0, 200)}`)
          return { detail: 'refused to start with a read-only database error' }
        } finally {
          execFileSync('umount', [readOnly])
          rmSync(readOnly, { recursive: true, force: true })
        }
      })
    } else {
      await report.run(SUITE, 'disk full and read-only data directory', async () => ({
        detail: 'skipped: this machine does not allow mounting a tmpfs',
      }))
    }

    await report.run(SUITE, 'corrupt stored row quarantines one document', async () => {
      await server.stop()
      // A decoder bomb where an update row should be (a disk fault or a bad hand edit).
      addCorruptRow(dataDir, DE_PEEL)
      server = await startFaultServer({ dataDir, env: { PORT: String(server.port) } })
      const cookie = await login(server, DEMO.provincieAuteur)
      // The first join finds the corrupt row (4003), unless a start-up check already did (503).
      const first = await openAttacker(server, DE_PEEL, cookie, '127.0.0.1').then(
        async (socket) => `closed ${await closeCode(socket, 5_000)}`,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      )
      check(first === `closed ${CloseCode.unavailable}` || first.includes('503'), `first join: ${first}`)
      check(
        server.logs.some((l) => l.includes('DOCUMENT QUARANTINED') && l.includes(DE_PEEL)),
        'no loud log line',
      )
      const second = await openAttacker(server, DE_PEEL, cookie, '127.0.0.1').then(
        () => 'open',
        (error: unknown) => (error instanceof Error ? error.message : 'error'),
      )
      check(second.includes('503'), `second join: ${second}`)
      // The page cannot read the 503 of the upgrade; the HTTP API tells it the document cannot be opened.
      const detail = await fetch(`${server.httpUrl}/api/documents/${DE_PEEL}`, { headers: { cookie } })
      const available = ((await detail.json()) as { available?: unknown }).available
      check(detail.status === 200 && available === false, `document detail: ${detail.status}, available ${available}`)
      // Another document keeps working.
      await waitFor(() => typist.client.provider.synced, { timeout: 15_000, message: 'typist to reconnect' })
      typist.start(50)
      await sleep(1_000)
      typist.stop()
      await typist.settle()
      const quarantined = (await metrics(server)).documents_quarantined
      return {
        ...stored(server, typist),
        detail: `${first.startsWith('closed') ? '4003' : '503'}, then 503; loud log; quarantined gauge ${quarantined}`,
      }
    })

    await report.run(SUITE, 'backup while typing, restore after a stop', async () => {
      typist.start(40)
      await sleep(800)
      typist.stop()
      await typist.settle()
      const beforeBackup = [...typist.ackedMarkers]
      typist.start(40)
      const file = join(tmpdir(), `novex-backup-${process.pid}-${Date.now()}.sqlite`)
      const backup = await runCli(server, ['backup', '--to', file])
      check(backup.code === 0, `backup failed: ${backup.stderr}`)
      check(backup.stdout.includes('Let op'), 'the backup did not name the quarantined document')
      await sleep(500)
      typist.stop()
      await server.stop()
      const restore = await runCli(server, ['restore', '--from', file])
      check(restore.code === 0, `restore failed: ${restore.stderr}`)
      rmSync(file, { force: true })
      const text = textOf(readCommitted(dataDir, NOORD_BRABANT).doc)
      const present = beforeBackup.filter((m) => text.split(m).length === 2).length
      const duplicated = typist.typed.filter((m) => text.split(m).length > 2).length
      check(duplicated === 0, `${duplicated} markers twice after the restore`)
      return { acked: beforeBackup.length, present, detail: 'verified copy names the quarantined document' }
    })
  } finally {
    typist.destroy()
    await server.stop()
    if (!mounted) rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * Types while `inject` holds a fault for 3 s: expects the read-only notice, refusals with reason
 * `storage` and no acknowledgement during the fault, then `edit` again and every marker stored once.
 */
async function duringFault(
  server: RunningServer,
  typist: Typist,
  inject: () => Promise<() => void>,
): Promise<{ acked: number; present: number; detail: string }> {
  const accessBefore = typist.client.accessLog.length
  const refusalsBefore = typist.client.refusals.length
  const failedBefore = (await metrics(server)).failed_writes_total ?? 0
  const connectionsBefore = typist.connections
  const storageBefore = typist.client.storageLog.length
  // What is acknowledged must be stored at the moment it is: checked as each acknowledgement arrives.
  const early: string[] = []
  typist.onAcked = () => {
    const missing = stored(server, typist).missing
    if (missing.length > 0 && early.length === 0) early.push(...missing)
  }
  typist.start(50)
  await sleep(300)
  const heal = await inject()
  const faultStart = Date.now()
  try {
    await waitFor(() => typist.client.accessLog.slice(accessBefore).includes('read'), {
      timeout: 10_000,
      message: 'the read-only notice',
    })
    const ackedAtNotice = typist.ackedMarkers.length
    await sleep(3_000 - (Date.now() - faultStart))
    check(typist.ackedMarkers.length === ackedAtNotice, 'acknowledgements continued during the fault')
  } finally {
    heal()
  }
  typist.stop()
  await waitFor(() => typist.client.accessLog.at(-1) === 'edit', { timeout: 20_000, message: 'edit access again' })
  await typist.settle()
  const refused = typist.client.refusals.slice(refusalsBefore)
  check(
    refused.length > 0 && refused.every((r) => r.reason === 'storage'),
    `refusals: ${refused.map((r) => r.reason).join(',') || 'none'}`,
  )
  typist.onAcked = null
  // A refused update is no reason to drop the connection: the client keeps the change and sends it again.
  check(
    typist.connections === connectionsBefore,
    `the typist was disconnected ${typist.connections - connectionsBefore} times during the fault`,
  )
  const storageFrames = typist.client.storageLog.slice(storageBefore)
  check(
    storageFrames.length === 2 && storageFrames[0] === true && storageFrames[1] === false,
    `storage frames: ${JSON.stringify(storageFrames)}`,
  )
  check(
    early.length === 0,
    `${early.length} markers acknowledged before they were stored (${early.slice(0, 3).join(' ')} …)`,
  )
  const failed = ((await metrics(server)).failed_writes_total ?? 0) - failedBefore
  const outcome = stored(server, typist)
  const lost =
    outcome.missing.length === 0
      ? 'then all stored'
      : `${outcome.missing.length} acknowledged markers missing (${outcome.missing.slice(0, 3).join(' ')} …), the typist connected ${typist.connections} times in all`
  return {
    ...outcome,
    detail: `read-only notice, ${refused.length} updates refused 'storage', ${failed} write attempts, ${lost}`,
  }
}

function stored(server: RunningServer, typist: Typist): { acked: number; present: number; missing: string[] } {
  const counts = tally(textOf(readCommitted(server.dataDir, NOORD_BRABANT).doc), [typist])
  check(counts.duplicated === 0, `${counts.duplicated} markers stored twice`)
  return { acked: counts.acked, present: counts.present, missing: counts.missing }
}

function tryMount(mountPoint: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_BYTES}`, 'tmpfs', mountPoint], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function fillDisk(file: string): void {
  const chunk = Buffer.alloc(256 * 1024)
  let written = 0
  for (;;) {
    try {
      writeFileSync(file, chunk, { flag: 'a' })
      written += chunk.length
    } catch {
      // ENOSPC: the disk is full, which is the point.
      break
    }
    if (written > TMPFS_BYTES * 2) throw new Error('the disk did not fill up')
  }
  // Also the last few bytes, so even a one-page write fails.
  for (const size of [4096, 512, 1]) {
    try {
      for (;;) writeFileSync(file, Buffer.alloc(size), { flag: 'a' })
    } catch {
      // full at this granularity too
    }
  }
}
