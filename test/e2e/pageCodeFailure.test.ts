// A page's code (a separate chunk, loaded on first use) that does not arrive: the client fetches it
// again, and when it keeps failing it says so in Dutch with a reload, instead of an empty screen.
// The failures are real network failures in the browser (a reset connection), made by routing the
// chunk's requests; the service worker is kept out so every request passes the route.
import type { Route } from 'playwright-core'
import { expect, it } from 'vitest'
import { newUserContext } from '../helpers/browser.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const running = useServerAndBrowser()
const READINESS_CHUNK = /\/assets\/ReadinessPage-[\w-]+\.js$/
/** What Chromium logs for the failed fetches, and React for the error its boundary caught. */
const EXPECTED_NOISE = [/net::ERR_CONNECTION_RESET/, /Failed to fetch dynamically imported module/, /PageCodeError/]

it('opens the page when its code arrives only on the second try', async () => {
  const user = await newUserContext(running.browser(), running.server().httpUrl, { serviceWorkers: 'block' })
  const page = user.page
  let requests = 0
  await page.route(READINESS_CHUNK, async (route: Route) => {
    requests++
    if (requests === 1) await route.abort('connectionreset')
    else await route.continue()
  })
  await page.goto(`/document/${DE_PEEL}/gereed`)
  await page.getByTestId('readiness').waitFor()
  expect(requests).toBe(2)
  expect(await page.getByTestId('page-failure').count()).toBe(0)
  user.assertNoProblems(EXPECTED_NOISE)
  await user.close()
}, 60_000)

it('says in words that the page could not be loaded, and the reload button loads it', async () => {
  const user = await newUserContext(running.browser(), running.server().httpUrl, { serviceWorkers: 'block' })
  const page = user.page
  let requests = 0
  await page.route(READINESS_CHUNK, async (route: Route) => {
    requests++
    await route.abort('connectionreset')
  })
  await page.goto(`/document/${DE_PEEL}/gereed`)
  const failure = page.getByTestId('page-failure')
  await failure.waitFor()
  expect(await failure.getByRole('paragraph').textContent()).toBe(
    'Deze pagina kon niet worden geladen. Controleer uw verbinding en laad de pagina opnieuw.',
  )
  // Announced by screen readers as it appears.
  expect(await page.getByRole('alert').filter({ hasText: 'Deze pagina kon niet worden geladen.' }).count()).toBe(1)
  // The first fetch and one per retry (PAGE_RETRY_DELAYS_MS has three).
  expect(requests).toBe(4)
  // The header and navigation stay: the failure takes the page's place, not the application's.
  expect(await page.getByRole('banner').count()).toBe(1)

  // The connection is back; the reload button, reached with the keyboard, opens the page.
  await page.unroute(READINESS_CHUNK)
  const reload = failure.getByRole('button', { name: 'Pagina opnieuw laden' })
  await reload.focus()
  await page.keyboard.press('Enter')
  await page.getByTestId('readiness').waitFor()
  expect(await page.getByTestId('page-failure').count()).toBe(0)
  expect(user.unexpectedProblems(EXPECTED_NOISE)).toEqual([])
  await user.close()
}, 60_000)
