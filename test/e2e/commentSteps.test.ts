// "Vorige / Volgende open reactie" in the comments panel steps through the open reactions in document
// order, past resolved ones, round at either end: the card takes the focus, its text is in view, and a
// polite status says where in the list it is.
import { orderedSections, type SectionId } from '@novex/shared'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  closeWithoutProblems,
  DEMO_USERS,
  launchBrowser,
  newUserContext,
  openDocument,
  type UserContext,
} from '../helpers/browser.ts'
import { connectClient } from '../helpers/client.ts'
import { anchorOver, api, firstText } from '../helpers/comments.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { login } from '../helpers/session.ts'

let server: RunningServer
let browser: Browser
let reader: UserContext
/** In document order: open in section 1, resolved in section 2, the demo's (open) in 3, open in 6. */
const ids = { first: '', resolved: '', demo: '', last: '' }

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const cookie = await login(server, DEMO_USERS.provincieAuteur)
  const client = connectClient(server, DE_PEEL, { cookie })
  await client.synced()
  const sections = orderedSections(client.doc)
  const place = async (index: number, body: string): Promise<string> => {
    const id = (sections[index] as { id: SectionId }).id
    const text = firstText(client.doc, id)
    const answer = await api<{ id: string }>(server, cookie, 'POST', `/api/documents/${DE_PEEL}/comments`, {
      sectionId: id,
      anchor: anchorOver(text, 0, 8),
      quote: text.toString().slice(0, 8),
      body,
    })
    expect(answer.status).toBe(201)
    return answer.body.id
  }
  ids.last = await place(5, 'Achteraan in het document.')
  ids.first = await place(0, 'Vooraan in het document.')
  ids.resolved = await place(1, 'Al afgehandeld.')
  const resolved = await api(server, cookie, 'POST', `/api/documents/${DE_PEEL}/comments/${ids.resolved}/resolve`, {})
  expect(resolved.status).toBe(200)
  client.destroy()
  reader = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

const focusedCard = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const active = document.activeElement
    return active?.getAttribute('data-testid') === 'comment-thread' ? active.getAttribute('data-thread-id') : null
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
