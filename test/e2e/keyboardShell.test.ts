// Keyboard only (issue 9): a person who uses no mouse logs in (typing the credentials, Enter), opens
// a document from the list (Tab to its link, Enter), skips to the content, goes straight to a section
// through the table of contents, writes in it, moves it with the shortcut, and logs out. Only
// page.keyboard is used to act; every element that gets the focus on the way shows a focus ring.
// A trekker opens the next ijkmoment with the keyboard, and the focus stays where the change is.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  editorText,
  launchBrowser,
  newUserContext,
  openDocument,
  SaveStatus,
  sectionIds,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { expectAccessible } from './support/axe.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
/** A shared 2-core machine, several browsers. */
const LONG_TEST_MS = 240_000

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 20_000 })
}

/** The focused element, described for a failure message. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (el === null || el === document.body) return 'body'
    const id = el.getAttribute('data-testid')
    return `${el.tagName.toLowerCase()}${id ? `[data-testid="${id}"]` : ''}.${el.className}`.slice(0, 120)
  })
}

/** Presses `key` until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 60, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press(key)
  }
  throw new Error(`${selector} not reached with ${max} × ${key}; the focus is on ${await focused(page)}`)
}

/** The focused element has a visible focus indicator: an outline or a box shadow. */
async function expectFocusVisible(page: Page, what: string): Promise<void> {
  const style = await page.evaluate(() => {
    const el = document.activeElement
    if (!(el instanceof HTMLElement)) return null
    const css = getComputedStyle(el)
    return { outline: css.outlineStyle, width: css.outlineWidth, shadow: css.boxShadow }
  })
  const visible =
    style !== null && ((style.outline !== 'none' && style.width !== '0px') || (style.shadow ?? 'none') !== 'none')
  expect(visible, `${what}: focus indicator ${JSON.stringify(style)} on ${await focused(page)}`).toBe(true)
}

describe('the shell with the keyboard only', () => {
  it(
    'logs in, opens a document from the list, goes to a section, writes, moves it and logs out',
    async () => {
      const context = await browser.newContext({ baseURL: server.httpUrl, viewport: { width: 1280, height: 900 } })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      try {
        // Not logged in: the list sends us to the login page.
        await page.goto('/')
        await page.waitForURL(/\/inloggen/)
        await page.locator('h1', { hasText: 'Inloggen' }).waitFor()

        // The first Tab reaches the skip link, which becomes visible.
        await page.keyboard.press('Tab')
        expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link')
        const skip = await page.locator('.skip-link').boundingBox()
        expect(skip !== null && skip.y >= 0).toBe(true)
        await expectFocusVisible(page, 'skip link')

        await tabTo(page, 'input[name="email"]')
        await expectFocusVisible(page, 'e-mail field')
        await page.keyboard.type(DEMO_USERS.rijkAuteur)
        await page.keyboard.press('Tab')
        expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password')
        await page.keyboard.type(DEMO_PASSWORD)
        await page.keyboard.press('Enter')
        await page.waitForURL((url) => url.pathname === '/')
        await poll(() => page.getByTestId('current-user').textContent()).toContain('Anne de Vries')

        // The document list: Tab to the De Peel perspective, Enter.
        const link = `a[href="/document/${DE_PEEL}"]`
        await page.locator(link).waitFor()
        await tabTo(page, link)
        await expectFocusVisible(page, 'document link')
        await page.keyboard.press('Enter')
        await page.waitForURL(`**/document/${DE_PEEL}`)
        await page.locator('[data-testid="section"] .ProseMirror').first().waitFor()
        await waitForSaveStatus(page, SaveStatus.saved)

        // Back to the top of the page: "Naar de inhoud" skips the product bar.
        await tabTo(page, '.skip-link', 40, 'Shift+Tab')
        await page.keyboard.press('Enter')
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud')

        // The table of contents: open it, Tab to the third section, Enter: the focus lands on that
        // section's title.
        const ids = await sectionIds(page)
        const target = ids[2]
        if (!target) throw new Error('De Peel has fewer than three sections')
        await tabTo(page, '.toc__summary')
        await expectFocusVisible(page, 'table of contents')
        await page.keyboard.press('Enter')
        await tabTo(page, `.toc__link[data-section-id="${target}"]`, 5)
        await expectFocusVisible(page, 'table of contents link')
        await page.keyboard.press('Enter')
        await poll(() =>
          page.evaluate(() => {
            const el = document.activeElement
            return el?.getAttribute('data-testid') === 'section-title'
              ? (el.closest('[data-section-id]')?.getAttribute('data-section-id') ?? null)
              : null
          }),
        ).toBe(target)
        await expectFocusVisible(page, 'section title')
        expect(page.url()).toContain(`#section-${target}`)

        // Enter in the title continues in the section's text; type there.
        await page.keyboard.press('Enter')
        await poll(() =>
          page.evaluate(() => document.activeElement?.closest('[data-section-id]')?.getAttribute('data-section-id')),
        ).toBe(target)
        expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
        await page.keyboard.press('Control+End')
        await page.keyboard.type(' Geschreven met alleen het toetsenbord.')
        await poll(() => editorText(page, target)).toContain('Geschreven met alleen het toetsenbord.')
        await waitForSaveStatus(page, SaveStatus.saved)

        // Alt+Shift+ArrowUp moves the section one place up; the focus stays in it.
        await page.keyboard.press('Alt+Shift+ArrowUp')
        await poll(async () => (await sectionIds(page)).indexOf(target)).toBe(1)
        await poll(() =>
          page.evaluate(() => document.activeElement?.closest('[data-section-id]')?.getAttribute('data-section-id')),
        ).toBe(target)
        await waitForSaveStatus(page, SaveStatus.saved)
        await expectAccessible(page, 'document page after keyboard work')

        // Log out: Shift+Tab back to the product bar's button, Enter.
        await tabTo(page, '[data-testid="logout"]', 200, 'Shift+Tab')
        await expectFocusVisible(page, 'logout button')
        await page.keyboard.press('Enter')
        await page.waitForURL(/\/inloggen/)
        expect(errors).toEqual([])
      } finally {
        await context.close()
      }
    },
    LONG_TEST_MS,
  )
})

describe('an ijkmoment opened with the keyboard', () => {
  it('moves the focus to the status line, which says the round runs, instead of dropping it', async () => {
    const user = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkOndertekenaar })
    const { page } = user
    try {
      await openDocument(page, DE_PEEL)
      await waitForSaveStatus(page, SaveStatus.saved)
      // The trekker opens the next ijkmoment (in a fresh demo the first).
      const open = page.getByTestId('round-open')
      await poll(() => open.textContent()).toMatch(/^IJkmoment \d openen$/)
      const round = ((await open.textContent()) ?? '').replace(' openen', '')
      await tabTo(page, '[data-testid="round-open"]')
      await page.keyboard.press('Enter')
      // The button is replaced by "… afsluiten"; until 2026-12-03 the focus fell to <body>.
      await poll(() => focused(page)).toMatch(/^p\[data-testid="round-status"\]/)
      expect(await page.getByTestId('round-status').textContent()).toBe(`● ${round} loopt`)
      await expectFocusVisible(page, 'round status')
      // The next Tab reaches the button that closes the round.
      await page.keyboard.press('Tab')
      expect(await focused(page)).toMatch(/^button\[data-testid="round-close"\]/)
      user.assertNoProblems()
    } finally {
      await user.close()
    }
  })
})
