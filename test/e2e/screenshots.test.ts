// The README's screenshots, taken by the browser suite so they show what the code does today: the
// De Peel perspective with two people writing in it, a comment in the side panel, a section both
// parties signed, the BO-MIRT readiness overview, and the decision-making after IJkmoment 3. Each PNG is checked: a real PNG of the viewport's
// size, large enough to hold a rendered page (an empty or error page compresses to a few kilobytes).
// They go to docs/screenshots/ only with NOVEX_SCREENSHOTS=docs (retaking the README's pictures); a
// plain test run writes them to a temporary folder, so that running the tests leaves the checkout as it was.
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  editorOf,
  editorText,
  launchBrowser,
  newUserContext,
  openDocument,
  SaveStatus,
  sectionIds,
  sectionLocator,
  typeAtEnd,
  type UserContext,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { login } from '../helpers/session.ts'
import { postJson } from '../helpers/signoff.ts'
import { signForBothSides } from './signSection.ts'

const SCREENSHOTS =
  process.env.NOVEX_SCREENSHOTS === 'docs'
    ? join(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots')
    : mkdtempSync(join(tmpdir(), 'novex-screenshots-'))
const DE_PEEL = 'ontwikkelperspectief-de-peel'
const WIDTH = 1280
/** Tall enough to show the header, the first section's text and the side panels together. */
const HEIGHT = 1100
/** A rendered page of this app is well over this; a blank or bare error page is far below it. */
const MIN_BYTES = 40_000
const LONG_TEST_MS = 300_000

let server: RunningServer
let browser: Browser
let rijk: UserContext
let provincie: UserContext

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true })
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await rijk?.close()
  await provincie?.close()
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

/** Takes the viewport as <SCREENSHOTS>/<name>.png and checks the file. */
async function shoot(page: Page, name: string): Promise<void> {
  const path = join(SCREENSHOTS, `${name}.png`)
  const before = Date.now()
  // No blinking caret or half-finished transition in the picture.
  await page.screenshot({ path, caret: 'hide', animations: 'disabled' })
  const written = statSync(path)
  expect(written.mtimeMs, `${name}.png written now`).toBeGreaterThanOrEqual(before - 1_000)
  expect(written.size, `${name}.png size`).toBeGreaterThan(MIN_BYTES)
  const png = readFileSync(path)
  expect(png.subarray(1, 4).toString('latin1'), `${name}.png is a PNG`).toBe('PNG')
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  expect(png.readUInt32BE(16), `${name}.png width`).toBe(WIDTH)
  expect(png.readUInt32BE(20), `${name}.png height`).toBe(HEIGHT)
}

/** Selects the visual line of text under the middle of a section's first paragraph. */
async function selectLine(page: Page, sectionId: string): Promise<void> {
  await editorOf(page, sectionId).locator('p').first().click()
  await page.keyboard.press('Home')
  await page.keyboard.press('Shift+End')
}

describe('README screenshots', () => {
  it(
    'takes the document with two people, a comment, a signed section, the readiness view and the decision-making',
    async () => {
      rijk = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
      provincie = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieAuteur })
      await rijk.page.setViewportSize({ width: WIDTH, height: HEIGHT })
      await openDocument(rijk.page, DE_PEEL)
      await openDocument(provincie.page, DE_PEEL)
      const all = await sectionIds(rijk.page)
      const [first, second] = all
      if (!first || !second) throw new Error('De Peel has fewer than two sections')

      // Two people writing in the first section: the Rijk author sees the other's named caret in it,
      // near the top of the page.
      await typeAtEnd(rijk.page, first, ' Het Rijk schrijft mee.')
      // Home on the second paragraph's first line: the start of that paragraph.
      await editorOf(provincie.page, first).locator('p').nth(1).click()
      await provincie.page.keyboard.press('Home')
      await provincie.page.keyboard.type('Aanvulling van de provincie: ')
      await waitForSaveStatus(provincie.page, SaveStatus.saved)
      await waitForSaveStatus(rijk.page, SaveStatus.saved)
      // The whole of the other person's words has arrived, not half a word.
      await expect.poll(() => editorText(rijk.page, first)).toContain('Aanvulling van de provincie: ')
      await editorOf(rijk.page, first).locator('.collaboration-carets__caret').waitFor({ state: 'attached' })
      await rijk.page.locator('[data-testid="presence"] li').nth(1).waitFor()
      await rijk.page.evaluate(() => window.scrollTo(0, 0))
      // The caret is in the picture.
      const caretBox = await editorOf(rijk.page, first).locator('.collaboration-carets__caret').boundingBox()
      expect(caretBox !== null && caretBox.y > 0 && caretBox.y < HEIGHT).toBe(true)
      await shoot(rijk.page, 'document-samen-schrijven')

      // A comment on a line of the second section, in the side panel beside it.
      await selectLine(rijk.page, second)
      await rijk.page.getByTestId('comment-button').click()
      const form = rijk.page.getByTestId('comment-form')
      await form.getByTestId('comment-body').fill('Kunnen we hier de bufferzones uit § 3 noemen?')
      await form.getByTestId('comment-submit').click()
      await form.waitFor({ state: 'detached' })
      const thread = rijk.page.getByTestId('comment-thread').filter({ hasText: 'bufferzones uit § 3' })
      await thread.waitFor()
      await sectionLocator(rijk.page, second).scrollIntoViewIfNeeded()
      await rijk.page.keyboard.press('Escape')
      await shoot(rijk.page, 'reacties')

      // Both parties sign the first section: it locks for everyone.
      await signForBothSides(server, DE_PEEL, first)
      await sectionLocator(rijk.page, first).and(rijk.page.locator('[data-locked="true"]')).waitFor()
      await rijk.page.goto(`/document/${DE_PEEL}?paneel=ondertekenen`)
      await sectionLocator(rijk.page, first).and(rijk.page.locator('[data-locked="true"]')).waitFor()
      await waitForSaveStatus(rijk.page, SaveStatus.saved)
      await rijk.page.locator('#signoff-panel').waitFor()
      await shoot(rijk.page, 'ondertekende-sectie')

      // The BO-MIRT readiness overview.
      await rijk.page.goto(`/document/${DE_PEEL}/gereed`)
      await rijk.page.locator('table').first().waitFor()
      await shoot(rijk.page, 'gereed-voor-bo-mirt')

      // The decision-making after IJkmoment 3: submitted, the Rijk's consent recorded, the region's next.
      const rijkTrekker = await login(server, DEMO_USERS.rijkOndertekenaar)
      for (const step of ['open', 'close', 'open', 'close', 'open', 'close']) {
        expect((await postJson(server, rijkTrekker, `/api/documents/${DE_PEEL}/review/${step}`, {})).status).toBe(200)
      }
      for (const id of all.slice(1)) await signForBothSides(server, DE_PEEL, id)
      const decide = (action: string, body: unknown) =>
        postJson(server, rijkTrekker, `/api/documents/${DE_PEEL}/status/${action}`, body)
      expect((await decide('submit', { note: 'Voor het BO-MIRT van november' })).status).toBe(200)
      const meeting = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
      expect((await decide('consent', { date: meeting, reference: 'BO-MIRT najaar 2026' })).status).toBe(200)
      const regio = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieOndertekenaar })
      await regio.page.setViewportSize({ width: WIDTH, height: HEIGHT })
      await regio.page.goto(`/document/${DE_PEEL}/gereed`)
      await regio.page.getByTestId('status-date').waitFor()
      await regio.page.getByTestId('status-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }))
      await shoot(regio.page, 'besluitvorming')
      regio.assertNoProblems()
      await regio.close()

      rijk.assertNoProblems()
      provincie.assertNoProblems()
    },
    LONG_TEST_MS,
  )
})
