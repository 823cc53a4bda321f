// A link to one comment thread, as a notification e-mail sends it: `/document/<id>?reactie=<threadId>`.
// The provincial author opens threads through the API; the Rijk author follows links to them. Once the
// document is synced the thread's text is in view, its card is active and has the focus, and the
// parameter is gone from the address (other parameters stay). A resolved thread opens too, also while
// the panel's filter would hide it (the filter is reset); an unknown thread is said in a status line; a
// visitor without a session goes through the login page and lands on the thread.
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  closeWithoutProblems,
  DEMO_PASSWORD,
  DEMO_USERS,
  launchBrowser,
  newUserContext,
  type UserContext,
} from '../helpers/browser.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { focusedCard, placeThreads } from './support/threads.ts'

let server: RunningServer
let browser: Browser
/** A thread on a section far down the document (its text is out of view when the page opens). */
let farThread = ''
/** A resolved thread on the first section. */
let resolvedThread = ''

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  ;[farThread = '', resolvedThread = ''] = await placeThreads(server, DE_PEEL, [
    { section: -2, body: 'Graag een bron bij dit getal.' },
    { section: 0, body: 'Is dit de juiste begrenzing?', resolved: true },
  ])
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

const linkTo = (threadId: string, before = ''): string =>
  `/document/${DE_PEEL}?${before}${new URLSearchParams({ reactie: threadId })}`

const cardOf = (page: Page, threadId: string): Locator =>
  page.locator(`[data-testid="comments-panel"] [data-testid="comment-thread"][data-thread-id="${threadId}"]`)

/** Whether the element is wholly inside the window. */
const inView = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect()
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight
  })

/** The address the page shows now, from the path on. */
const address = (page: Page): string => {
  const url = new URL(page.url())
  return url.pathname + url.search
}

async function rijkAuteur(): Promise<UserContext> {
  return newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
}

it('opens the linked thread: its text in view, its card active with the focus, the parameter gone', async () => {
  const user = await rijkAuteur()
  const { page } = user
  await page.goto(linkTo(farThread))
  await expect.poll(() => focusedCard(page), { timeout: 20_000 }).toBe(farThread)
  expect(address(page)).toBe(`/document/${DE_PEEL}`)

  const card = cardOf(page, farThread)
  expect(await card.getAttribute('class')).toContain('comment-thread--active')
  expect(await inView(card)).toBe(true)
  // The place in the text is shown (scrolled to and marked) while the focus stays on the card.
  const highlight = page.locator(`[data-testid="comment-highlight"][data-thread-id="${farThread}"]`).first()
  await expect.poll(() => highlight.getAttribute('class')).toContain('comment-highlight--active')
  expect(await inView(highlight)).toBe(true)
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
  expect(await focusedCard(page)).toBe(farThread)

  // A reload opens the document as usual: no jump to the thread again.
  await page.reload()
  await page.getByTestId('comments-panel').waitFor()
  await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Opgeslagen')
  expect(await focusedCard(page)).toBeNull()
  await closeWithoutProblems(user)
}, 60_000)

it('opens a resolved thread, and resets a filter that hides it', async () => {
  const user = await rijkAuteur()
  const { page } = user
  await page.goto(linkTo(resolvedThread))
  await expect.poll(() => focusedCard(page), { timeout: 20_000 }).toBe(resolvedThread)
  expect(await cardOf(page, resolvedThread).getAttribute('data-status')).toBe('resolved')
  expect(address(page)).toBe(`/document/${DE_PEEL}`)

  // Only open threads shown; then the address changes to the link while the page is open.
  const status = page.getByTestId('comment-filter-status')
  await status.selectOption('open')
  await expect.poll(() => cardOf(page, resolvedThread).count()).toBe(0)
  await page.evaluate((to) => {
    window.history.pushState(null, '', to)
    window.dispatchEvent(new PopStateEvent('popstate'))
  }, linkTo(resolvedThread))
  await expect.poll(() => focusedCard(page)).toBe(resolvedThread)
  expect(await status.inputValue()).toBe('all')
  await expect.poll(() => address(page)).toBe(`/document/${DE_PEEL}`)
  await closeWithoutProblems(user)
}, 60_000)

it('says in a status line that a linked thread does not exist, and keeps the other parameters', async () => {
  const user = await rijkAuteur()
  const { page } = user
  await page.goto(linkTo('bestaat-niet', 'paneel=ondertekenen&'))
  const notice = page.getByTestId('thread-link-missing')
  await expect
    .poll(() => notice.textContent(), { timeout: 20_000 })
    .toBe('Deze reactie bestaat niet meer. Misschien is ze verwijderd.')
  expect(await page.getByTestId('thread-link-status').getAttribute('role')).toBe('status')
  expect(await page.getByRole('alertdialog').count()).toBe(0)
  await expect.poll(() => address(page)).toBe(`/document/${DE_PEEL}?paneel=ondertekenen`)
  // The sign-off panel the other parameter asked for is open.
  await page.locator('#signoff-panel').waitFor()
  await closeWithoutProblems(user)
}, 60_000)

it('takes a visitor without a session through the login page to the thread', async () => {
  const context = await browser.newContext({ baseURL: server.httpUrl, viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(linkTo(farThread))
  await page.waitForURL(/\/inloggen\?terug=/)
  expect(new URL(page.url()).searchParams.get('terug')).toBe(linkTo(farThread))

  await page.getByLabel('E-mailadres').fill(DEMO_USERS.meelezer)
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => url.pathname === `/document/${DE_PEEL}`)
  await expect.poll(() => focusedCard(page), { timeout: 20_000 }).toBe(farThread)
  expect(address(page)).toBe(`/document/${DE_PEEL}`)
  expect(errors).toEqual([])
  await context.close()
}, 60_000)
