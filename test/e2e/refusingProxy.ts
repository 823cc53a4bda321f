// Puts a page's sync sockets through Playwright's WebSocket routing, so a test can play a server that
// refuses changes: a sync step 2 or update frame that carries anything is answered with a `refused`
// frame (reason `unresolved`) and never reaches the real server, exactly what the real server does
// with an update its gate refuses. Everything else passes both ways unchanged.
import { encodeRefused, MessageType, RefusalReason, SyncStep } from '@novex/shared'
import * as decoding from 'lib0/decoding'
import type { Page } from 'playwright-core'

export interface RefusingProxy {
  /** How many of the next changes the page sends are refused (Infinity: all of them). */
  refuseNext: number
  /**
   * Holds the next sync socket the page opens: it stays connecting, and reaches the server only when
   * the returned function is called (a slow network, or a rebuild's back-off, made predictable).
   */
  holdNextConnection(): () => void
  /** Sync sockets the page opened and the proxy holds now. */
  readonly held: number
  /** Sync sockets the page opened since the route was installed. */
  readonly connections: number
  /** Changes refused so far. */
  readonly refused: number
}

/** An update of the empty change set: no structs, no deletions (what a page with nothing new sends). */
const EMPTY_UPDATE_LENGTH = 2

function carriesChange(message: Buffer): boolean {
  const decoder = decoding.createDecoder(new Uint8Array(message))
  if (decoding.readVarUint(decoder) !== MessageType.sync) return false
  const step = decoding.readVarUint(decoder)
  if (step !== SyncStep.step2 && step !== SyncStep.update) return false
  return decoding.readVarUint8Array(decoder).length > EMPTY_UPDATE_LENGTH
}

export async function routeThroughRefusingProxy(page: Page): Promise<RefusingProxy> {
  let hold: Promise<void> | null = null
  const state = {
    refuseNext: 0,
    connections: 0,
    refused: 0,
    held: 0,
    holdNextConnection() {
      let release = (): void => {}
      hold = new Promise<void>((resolve) => {
        release = resolve
      })
      return () => release()
    },
  }
  await page.routeWebSocket(/\/sync\//, async (route) => {
    state.connections += 1
    const waitFor = hold
    hold = null
    if (waitFor !== null) {
      // Playwright waits for the handler before it opens the page's socket.
      state.held += 1
      await waitFor
      state.held -= 1
    }
    const server = route.connectToServer()
    route.onMessage((message) => {
      if (state.refuseNext > 0 && typeof message !== 'string' && carriesChange(message)) {
        state.refuseNext -= 1
        state.refused += 1
        route.send(Buffer.from(encodeRefused(RefusalReason.unresolved, 'Geweigerd door de test.')))
        return
      }
      server.send(message)
    })
    server.onMessage((message) => route.send(message))
    route.onClose((code, reason) => void server.close({ code, reason }))
    server.onClose((code, reason) => void route.close({ code, reason }))
  })
  return state
}
