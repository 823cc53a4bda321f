// Fixture for the end-to-end suites: a real server (port 0, temp DATA_DIR, demo seed), one system
// Chromium, and two users in separate browser contexts (the Rijk author and the provincial author)
// with the De Peel ontwikkelperspectief open, one by its URL and the other from the document list.
// Each context reaches the server through its own network cable (see networkCable.ts), so one user
// can lose the network the way a laptop does.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import {
  DEMO_USERS,
  launchBrowser,
  newUserContext,
  openDocument,
  openFromList,
  perspectiveIdOf,
  SaveStatus,
  saveStatusText,
  type UserContext,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { type NetworkCable, startNetworkCable } from './networkCable.ts'

export interface TwoUsers {
  readonly server: RunningServer
  readonly browser: Browser
  /** rijk.auteur@novex.example */
  readonly rijk: UserContext
  /** provincie.auteur@novex.example */
  readonly provincie: UserContext
  /** The De Peel ontwikkelperspectief. */
  readonly documentId: string
  /**
   * The user's network goes down: the browser is offline (`context.setOffline(true)`: the page's
   * `offline` event, failing requests) and its open connections are cut silently.
   */
  goOffline(user: UserContext): Promise<void>
  /** The network is back: new connections go through again. */
  goOnline(user: UserContext): Promise<void>
  /** Closes the browser, stops the server and removes its data (safe to call twice). */
  close(): Promise<void>
}

/**
 * Errors a browser prints by itself while the network is down or the server restarts: failed
 * (re)connects and resource loads. Anything else on the console is a client bug.
 */
export const NETWORK_NOISE: readonly RegExp[] = [
  /WebSocket connection to .* failed/i,
  /ERR_INTERNET_DISCONNECTED/,
  /ERR_CONNECTION_REFUSED/,
  /Failed to load resource/i,
]

export async function openTwoUsers(): Promise<TwoUsers> {
  const server = await startServer()
  let browser: Browser | null = null
  const cables = new Map<UserContext, NetworkCable>()
  const close = async (): Promise<void> => {
    await browser?.close()
    browser = null
    for (const cable of cables.values()) await cable.close()
    cables.clear()
    await server.stop()
    server.cleanup()
  }
  const join = async (email: string): Promise<UserContext> => {
    const cable = await startNetworkCable(server.port)
    try {
      const user = await newUserContext(browser!, cable.url, { email })
      cables.set(user, cable)
      return user
    } catch (error) {
      await cable.close()
      throw error
    }
  }
  try {
    browser = await launchBrowser()
    const rijk = await join(DEMO_USERS.rijkAuteur)
    const provincie = await join(DEMO_USERS.provincieAuteur)
    const documentId = await perspectiveIdOf(rijk.page, 'de-peel')
    // One by its URL, the other through the document list at `/`.
    await openDocument(rijk.page, documentId)
    await openFromList(provincie.page, documentId)
    for (const user of [rijk, provincie]) await waitForSaveStatus(user.page, SaveStatus.saved)
    return {
      server,
      browser,
      rijk,
      provincie,
      documentId,
      async goOffline(user) {
        await user.context.setOffline(true)
        cables.get(user)?.cut()
      },
      async goOnline(user) {
        await user.context.setOffline(false)
      },
      close,
    }
  } catch (error) {
    await close()
    throw new Error(withServerLogs(server, (error as Error).message), { cause: error })
  }
}

/** The two users for the tests of one file: opened before them, closed (server and data too) after. */
export function useTwoUsers(): () => TwoUsers {
  let users: TwoUsers | null = null
  beforeAll(async () => {
    users = await openTwoUsers()
  }, 120_000)
  afterAll(async () => {
    await users?.close()
  })
  return () => {
    if (!users) throw new Error('the two users are opened in beforeAll')
    return users
  }
}

/** A message for a failed expectation that carries the server's last log lines. */
export function withServerLogs(server: RunningServer, what: string): string {
  return `${what}\n--- last server log lines ---\n${server.logs.slice(-30).join('\n')}`
}

/**
 * Runs `step`; if it fails, rethrows with what each page showed (save status, alerts) and the
 * server's last log lines, so a failure in CI can be read without a rerun.
 */
export async function explainFailure<T>(
  server: RunningServer,
  pages: Readonly<Record<string, Page>>,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step()
  } catch (error) {
    const seen: string[] = []
    for (const [name, page] of Object.entries(pages)) {
      if (page.isClosed()) continue
      const status = await saveStatusText(page).catch(() => '?')
      const alerts = await page
        .locator('[role="alert"], [role="alertdialog"], [data-testid="refusal"]')
        .allInnerTexts()
        .catch(() => [])
      seen.push(`${name}: status "${status}", alerts ${JSON.stringify(alerts)}`)
    }
    throw new Error(withServerLogs(server, `${(error as Error).message}\n${seen.join('\n')}`), { cause: error })
  }
}
