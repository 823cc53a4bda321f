// Reflow (WCAG 2.1 SC 1.4.10, part of EN 301 549): at 320 CSS pixels wide, what a 1280-pixel screen
// shows at 400 % zoom, no page scrolls sideways. Tables and the wisselwerking matrix scroll inside
// their own box (the criterion's exception for two-dimensional content); the page itself does not.
// The header is at its widest here: the server sends e-mail, so it holds "Meldingen per e-mail" too.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { closeWithoutProblems, DEMO_USERS, newUserContext } from '../helpers/browser.ts'
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
