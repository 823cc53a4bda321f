// "Vorige / Volgende open reactie" in the comments panel steps through the open reactions in document
// order, past resolved ones, round at either end: the card takes the focus, its text is in view, and a
// polite status says where in the list it is.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  closeWithoutProblems,
  DEMO_USERS,
  launchBrowser,
  newUserContext,
  openDocument,
  type UserContext,
} from '../helpers/browser.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { focusedCard, placeThreads } from './support/threads.ts'

let server: RunningServer
let browser: Browser
let reader: UserContext
/** In document order: open in section 1, resolved in section 2, the demo's (open) in 3, open in 6. */
const ids = { first: '', resolved: '', demo: '', last: '' }

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  ;[ids.last = '', ids.first = '', ids.resolved = ''] = await placeThreads(server, DE_PEEL, [
    { section: 5, body: 'Achteraan in het document.' },
    { section: 0, body: 'Vooraan in het document.' },
    { section: 1, body: 'Al afgehandeld.', resolved: true },
  ])
  reader = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

it('steps through the open reactions in document order, past resolved ones, round at either end', async () => {
  const page = reader.page
  await openDocument(page, DE_PEEL)
  const panel = page.getByTestId('comments-panel')
  await expect.poll(() => panel.getByTestId('comment-thread').count(), { timeout: 20_000 }).toBe(4)
  ids.demo =
    (await panel
      .getByTestId('comment-thread')
      .filter({ hasText: 'Schuurpunt met ons ruimtelijk' })
      .getAttribute('data-thread-id')) ?? ''
  const next = panel.getByTestId('comment-step-next')
  const previous = panel.getByTestId('comment-step-previous')
  const position = panel.getByTestId('comment-step-position')

  for (const [expected, said] of [
    [ids.first, 'Open reactie 1 van 3'],
    [ids.demo, 'Open reactie 2 van 3'],
    [ids.last, 'Open reactie 3 van 3'],
    [ids.first, 'Open reactie 1 van 3'],
  ] as const) {
    await next.click()
    await expect.poll(() => focusedCard(page)).toBe(expected)
    expect(await position.textContent()).toBe(said)
    // The card is the active one, and so is its text.
    const highlight = page.locator(`[data-testid="comment-highlight"][data-thread-id="${expected}"]`).first()
    await expect.poll(() => highlight.getAttribute('class')).toContain('comment-highlight--active')
  }
  // Back from the first goes round to the last.
  await previous.click()
  await expect.poll(() => focusedCard(page)).toBe(ids.last)
  expect(await position.textContent()).toBe('Open reactie 3 van 3')
  // Its text was scrolled into view.
  const lastHighlight = page.locator(`[data-testid="comment-highlight"][data-thread-id="${ids.last}"]`).first()
  await expect.poll(() => lastHighlight.isVisible()).toBe(true)
  const box = await lastHighlight.boundingBox()
  const height = page.viewportSize()?.height ?? 0
  expect(box !== null && box.y >= 0 && box.y < height).toBe(true)

  // Only what the filter shows: with only the resolved ones shown there is nothing to step to.
  await panel.getByTestId('comment-filter-status').selectOption('resolved')
  await expect.poll(() => next.isDisabled()).toBe(true)
  expect(await previous.isDisabled()).toBe(true)
  await panel.getByTestId('comment-filter-status').selectOption('all')
  await closeWithoutProblems(reader)
})
