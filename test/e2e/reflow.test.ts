// Reflow (WCAG 2.1 SC 1.4.10, part of EN 301 549): at 320 CSS pixels wide, what a 1280-pixel screen
// shows at 400 % zoom, no page scrolls sideways. Tables and the wisselwerking matrix scroll inside
// their own box (the criterion's exception for two-dimensional content); the page itself does not.
// The header is at its widest here: the server sends e-mail, so it holds "Meldingen per e-mail" too.
// Those boxes scroll with the keyboard too (WCAG 2.1.1), and a document's title breaks between its
// words, not inside one ("Ontwikkelperspect / ief", until 2026-12-03).
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { closeWithoutProblems, DEMO_USERS, newUserContext, openDocument } from '../helpers/browser.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const setup = useServerAndBrowser({
  env: { SMTP_URL: 'smtp://127.0.0.1:9', MAIL_FROM: 'noreply@novex.example', PUBLIC_URL: 'http://localhost:4398' },
})

const PAGES = [
  '/',
  '/document/ontwikkelperspectief-de-peel',
  '/document/ontwikkelperspectief-de-peel/gereed',
  '/document/ontwikkelperspectief-de-peel/versies',
  '/document/ruimtelijk-voorstel-noord-brabant',
  '/gebied/de-peel/wisselwerking',
  '/toegankelijkheid',
  '/bestaat-niet',
]

/** The pages (of PAGES) whose content is wider than the window, with their width; `after` runs on each page. */
async function pagesTooWide(page: Page, width: number, after: () => Promise<void> = async () => {}): Promise<string[]> {
  const tooWide: string[] = []
  for (const path of PAGES) {
    await page.goto(path)
    await after()
    await page.locator('main h1').first().waitFor()
    // What loads after the heading (sections, tables, the matrix) has its place once the network is quiet.
    await page.waitForLoadState('networkidle')
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    if (scrollWidth > width) tooWide.push(`${path}: ${scrollWidth} px`)
  }
  return tooWide
}

it('leaves no page wider than 320 px', async () => {
  const user = await newUserContext(setup.browser(), setup.server().httpUrl, { email: DEMO_USERS.rijkAuteur })
  const { page } = user
  await page.setViewportSize({ width: 320, height: 800 })
  await page.goto('/')
  await page.getByRole('checkbox', { name: 'Meldingen per e-mail' }).waitFor()
  expect(await pagesTooWide(page, 320)).toEqual([])
  await closeWithoutProblems(user)
}, 120_000)

// WCAG 1.4.4: text enlarged to 200 % (the browser's font size setting; every size here is in rem or em)
// in an ordinary window still fits it.
it('leaves no page wider than its window with the text at 200 %', async () => {
  const user = await newUserContext(setup.browser(), setup.server().httpUrl, { email: DEMO_USERS.rijkAuteur })
  const { page } = user
  await page.setViewportSize({ width: 1280, height: 900 })
  const largeText = async (): Promise<void> => {
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' })
  }
  expect(await pagesTooWide(page, 1280, largeText)).toEqual([])
  await closeWithoutProblems(user)
}, 120_000)

/** The parts of the words of the document's title (between spaces and hyphens) that lie on two lines. */
function wordsSplitInTitle(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = document.querySelector('h1.document-title [translate="no"]')?.firstChild
    if (!(text instanceof Text)) return ['(no title)']
    const split: string[] = []
    for (const word of text.data.matchAll(/[^\s-]+/g)) {
      const range = document.createRange()
      range.setStart(text, word.index)
      range.setEnd(text, word.index + word[0].length)
      const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)))
      if (lines.size > 1) split.push(word[0])
    }
    return split
  })
}

it('breaks a document title between words, not inside one, on a phone and at 400 %', async () => {
  const user = await newUserContext(setup.browser(), setup.server().httpUrl, { email: DEMO_USERS.rijkAuteur })
  const { page } = user
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 })
    for (const documentId of ['ontwikkelperspectief-de-peel', 'ruimtelijk-voorstel-noord-brabant']) {
      await openDocument(page, documentId)
      expect(await wordsSplitInTitle(page), `${documentId} at ${width} px`).toEqual([])
      // Dutch, also for the browser's hyphenation where a word does not fit after all.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl')
      expect(await page.locator('h1.document-title [translate="no"]').getAttribute('lang')).toBe('nl')
    }
  }
  await closeWithoutProblems(user)
}, 120_000)

it('lets the keyboard scroll the readiness table and the wisselwerking matrix sideways at 320 px', async () => {
  const user = await newUserContext(setup.browser(), setup.server().httpUrl, { email: DEMO_USERS.rijkAuteur })
  const { page } = user
  await page.setViewportSize({ width: 320, height: 800 })
  const boxes = [
    {
      path: '/document/ontwikkelperspectief-de-peel/gereed',
      selector: '.table-scroll',
      name: 'De acht verplichte onderdelen en hoe ver de ondertekening is',
    },
    {
      path: '/gebied/de-peel/wisselwerking',
      selector: '.matrix-scroll',
      name: 'Koppelingen tussen het ontwikkelperspectief (rijen) en de ruimtelijke voorstellen (kolommen)',
    },
  ]
  for (const { path, selector, name } of boxes) {
    await page.goto(path)
    const box = page.locator(selector)
    await box.locator('table').waitFor()
    await page.waitForLoadState('networkidle')
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth), `${path}: wider than the window`).toBe(true)
    // Reached with Tab, as a region named by the table's caption.
    let reached = false
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await box.evaluate((el) => el === document.activeElement)
    }
    expect(reached, `${path}: ${selector} reached with Tab`).toBe(true)
    expect(await page.getByRole('region', { name }).evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => box.evaluate((el) => el.scrollLeft), { message: path }).toBeGreaterThan(0)
  }
  await closeWithoutProblems(user)
}, 120_000)
