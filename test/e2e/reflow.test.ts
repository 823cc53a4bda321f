// Reflow (WCAG 2.1 SC 1.4.10, part of EN 301 549): at 320 CSS pixels wide, what a 1280-pixel screen
// shows at 400 % zoom, no page scrolls sideways. Tables and the wisselwerking matrix scroll inside
// their own box (the criterion's exception for two-dimensional content); the page itself does not.
// The header is at its widest here: the server sends e-mail, so it holds "Meldingen per e-mail" too.
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

it('leaves no page wider than 320 px', async () => {
  const user = await newUserContext(setup.browser(), setup.server().httpUrl, { email: DEMO_USERS.rijkAuteur })
  const { page } = user
  await page.setViewportSize({ width: 320, height: 800 })
  await page.goto('/')
  await page.getByRole('checkbox', { name: 'Meldingen per e-mail' }).waitFor()
  const tooWide: string[] = []
  for (const path of PAGES) {
    await page.goto(path)
    await page.locator('main h1').first().waitFor()
    // What loads after the heading (sections, tables, the matrix) has its place once the network is quiet.
    await page.waitForLoadState('networkidle')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    if (width > 320) tooWide.push(`${path}: ${width} px`)
  }
  expect(tooWide).toEqual([])
  await closeWithoutProblems(user)
}, 120_000)
