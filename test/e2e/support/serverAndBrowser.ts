// A real server (fresh data directory, demo seeded) and a headless Chromium for the tests of one file:
// started before them, stopped and cleaned up after.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from '../../helpers/browser.ts'
import { type RunningServer, type StartOptions, startServer } from '../../helpers/server.ts'

export interface ServerAndBrowser {
  server(): RunningServer
  browser(): Browser
}

/** `options`: how the server starts (e.g. its environment). */
export function useServerAndBrowser(options: StartOptions = {}): ServerAndBrowser {
  let server: RunningServer | null = null
  let browser: Browser | null = null
  beforeAll(async () => {
    server = await startServer(options)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    server?.cleanup()
  })
  return {
    server: () => {
      if (!server) throw new Error('the server is started in beforeAll')
      return server
    },
    browser: () => {
      if (!browser) throw new Error('the browser is started in beforeAll')
      return browser
    },
  }
}
