// Thread cards sit beside their text: when the reader scrolls a commented passage into view, its card
// in the side panel moves to the same height.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { DEMO_USERS, launchBrowser, newUserContext, openDocument, type UserContext } from '../helpers/browser.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { placeThreads } from './support/threads.ts'

let server: RunningServer
let browser: Browser
let reader: UserContext

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  // Comments on a section near the top and on one far down the document.
  await placeThreads(server, DE_PEEL, [
    { section: 0, body: 'Reactie bij de eerste sectie' },
    { section: -2, body: 'Reactie bij een sectie ver naar onderen' },
  ])
  reader = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
  await openDocument(reader.page, DE_PEEL)
}, 90_000)

afterAll(async () => {
  await reader?.context.close()
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

it('moves a thread card to the height of its highlight as the document scrolls', async () => {
  const { page } = reader
  await page.setViewportSize({ width: 1400, height: 900 })
  const highlights = page.locator('[data-testid="comment-highlight"]')
  await waitFor(async () => (await highlights.count()) >= 2, { message: 'both highlights' })
  for (const which of [highlights.last(), highlights.first()]) {
    const threadId = await which.getAttribute('data-thread-id')
    await which.evaluate((element) => window.scrollTo(0, window.scrollY + element.getBoundingClientRect().top - 400))
    const card = page.locator(`[data-testid="comment-thread"][data-thread-id="${threadId}"]`)
    await waitFor(
      async () => {
        const [mark, box] = [await which.boundingBox(), await card.boundingBox()]
        return mark !== null && box !== null && Math.abs(mark.y - box.y) < 4
      },
      { timeout: 5_000, message: 'the card beside its highlight' },
    )
  }
})
