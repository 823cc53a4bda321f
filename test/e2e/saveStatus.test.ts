// "Opgeslagen" means stored by the server: the status may say so only after the server's
// `persisted` acknowledgement arrived. The page's sync socket runs through a Playwright WebSocket
// route that forwards every frame but can hold back the server's `persisted` frames; while they are
// held the page must keep saying "Opslaan…", however long, and once they are let through it must
// say "Opgeslagen". Then the server is killed (SIGKILL) and restarted on the same data: what was
// reported saved is there.

import { MessageType, SyncStep } from '@novex/shared'
import * as decoding from 'lib0/decoding'
import type { Browser, WebSocketRoute } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  editorText,
  launchBrowser,
  newUserContext,
  openDocument,
  perspectiveIdOf,
  recordSaveStatus,
  SaveStatus,
  saveStatusText,
  sectionIds,
  typeAtEnd,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/waitFor.ts'

/** Sits between the page and the server on /sync/ and can hold back `persisted` frames. */
class AckGate {
  holding = false
  readonly held: { route: WebSocketRoute; frame: Buffer }[] = []
  /** Barrier sequence numbers the page sent after its latest document update. */
  barriersSinceLastUpdate: number[] = []
  /** Highest `persisted` sequence number that came from the server. */
  lastPersistedSeq = -1
  clientUpdates = 0

  readonly handle = (page: WebSocketRoute): void => {
    const server = page.connectToServer()
    page.onMessage((message) => {
      this.observeClientFrame(message)
      server.send(message)
    })
    server.onMessage((message) => {
      if (typeof message !== 'string' && frameType(message) === MessageType.persisted) {
        this.lastPersistedSeq = Math.max(this.lastPersistedSeq, persistedSeq(message))
        if (this.holding) {
          this.held.push({ route: page, frame: message })
          return
        }
      }
      page.send(message)
    })
  }

  release(): void {
    this.holding = false
    for (const { route, frame } of this.held.splice(0)) route.send(frame)
  }

  /** True once the server acknowledged a barrier the page sent after its last update. */
  serverAckedLatestUpdate(): boolean {
    return this.barriersSinceLastUpdate.some((seq) => seq <= this.lastPersistedSeq)
  }

  private observeClientFrame(message: string | Buffer): void {
    if (typeof message === 'string') return
    const d = decoding.createDecoder(new Uint8Array(message))
    const type = decoding.readVarUint(d)
    if (type === MessageType.sync) {
      const step = decoding.readVarUint(d)
      if (step === SyncStep.update || step === SyncStep.step2) {
        this.clientUpdates++
        this.barriersSinceLastUpdate = []
      }
    } else if (type === MessageType.barrier) {
      this.barriersSinceLastUpdate.push(decoding.readVarUint(d))
    }
  }
}

function frameType(frame: Buffer): number {
  return decoding.readVarUint(decoding.createDecoder(new Uint8Array(frame)))
}

function persistedSeq(frame: Buffer): number {
  const d = decoding.createDecoder(new Uint8Array(frame))
  decoding.readVarUint(d)
  return decoding.readVarUint(d)
}

/**
 * Asserts that `holds` stays true for `ms` milliseconds, checking continuously. A "never happens"
 * claim needs a window; this is that window, not a wait for something to happen.
 */
async function staysTrueFor(holds: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms
  await waitFor(
    async () => {
      if (!(await holds())) throw new Error(`no longer true: ${what}`)
      return Date.now() >= until
    },
    { timeout: ms + 5_000, message: what },
  ).catch((error: Error) => {
    throw new Error(`${what}: ${error.message}`)
  })
}

describe('save status', () => {
  let server: RunningServer
  let restarted: RunningServer | null = null
  let browser: Browser

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await restarted?.stop()
    await server?.stop()
    server?.cleanup()
  })

  it('says "Opgeslagen" only after the server acknowledged the typing, and that text survives a crash', async () => {
    const user = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
    const documentId = await perspectiveIdOf(user.page, 'de-peel')
    const gate = new AckGate()
    await user.page.routeWebSocket(/\/sync\//, gate.handle)
    await openDocument(user.page, documentId)
    await waitForSaveStatus(user.page, SaveStatus.saved)
    const history = await recordSaveStatus(user.page)

    const sectionId = (await sectionIds(user.page))[3]!
    gate.holding = true
    const updatesBefore = gate.clientUpdates
    await typeAtEnd(user.page, sectionId, ' Pas opgeslagen na bevestiging.')
    await waitFor(() => gate.clientUpdates > updatesBefore, { message: 'the typing sent to the server' })
    expect(await saveStatusText(user.page)).not.toBe(SaveStatus.saved)

    // The server has stored everything and answered, but the answer is held back.
    await waitFor(() => gate.serverAckedLatestUpdate(), {
      timeout: 15_000,
      message: 'the server acknowledging a barrier sent after the last update (client must send barriers)',
    })
    expect(gate.held.length).toBeGreaterThan(0)
    await staysTrueFor(
      async () => (await saveStatusText(user.page)) === SaveStatus.saving,
      1_500,
      'status stays "Opslaan…" while the acknowledgement is held back',
    )

    gate.release()
    await waitForSaveStatus(user.page, SaveStatus.saved)
    const seen = await history()
    expect(seen[0]).toBe(SaveStatus.saved)
    expect(seen.slice(1, -1)).not.toContain(SaveStatus.saved)
    expect(seen).toContain(SaveStatus.saving)
    expect(seen.at(-1)).toBe(SaveStatus.saved)
    const typed = await editorText(user.page, sectionId)
    expect(typed).toContain('Pas opgeslagen na bevestiging.')
    user.assertNoProblems()
    await user.close()

    // What was reported saved survives a hard crash of the server.
    await server.kill()
    restarted = await startServer({ dataDir: server.dataDir })
    const reader = await newUserContext(browser, restarted.httpUrl, { email: DEMO_USERS.provincieAuteur })
    await openDocument(reader.page, documentId)
    await waitFor(async () => (await editorText(reader.page, sectionId)) === typed, {
      timeout: 15_000,
      message: 'the saved text after a restart',
    })
    await reader.close()
  })
})
