// An adopted perspective whose archived dossier could not be made (the archive table refuses the row, as
// a full disk would), in the browser: the reader and the trekker both read that it failed and at what
// time the server tries again; the trekker presses "Nu opnieuw proberen" from the keyboard, is told when
// that fails too, and once writing works again the dossier appears for both without a reload.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { allowArchiving, readyForLastAdoption, refuseArchiving, yesterdayIso } from '../helpers/adoption.ts'
import {
  closeWithoutProblems,
  DEMO_USERS,
  launchBrowser,
  newUserContext,
  type UserContext,
} from '../helpers/browser.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { login } from '../helpers/session.ts'
import { getJson, postJson } from '../helpers/signoff.ts'
import { expectAccessible } from './support/axe.ts'

interface State {
  readonly dossiers: readonly { readonly id: number }[]
  readonly pending: { readonly nextAttemptAt: number | null } | null
}

let server: RunningServer
let trekker: UserContext
let reader: UserContext
let closeBrowser: () => Promise<void>

beforeAll(async () => {
  server = await startServer()
  const rijk = await login(server, DEMO_USERS.rijkOndertekenaar)
  const regio = await login(server, DEMO_USERS.provincieOndertekenaar)
  await readyForLastAdoption(server, rijk, regio)
  refuseArchiving(server.dataDir)
  const adopted = await postJson<{ status: string; archived: unknown }>(
    server,
    rijk,
    `/api/documents/${DE_PEEL}/status/adopt`,
    { date: yesterdayIso(), reference: 'Ministerraad' },
  )
  expect(adopted.body).toMatchObject({ status: 'vastgesteld', archived: null })
  const browser = await launchBrowser()
  closeBrowser = () => browser.close()
  trekker = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkOndertekenaar })
  reader = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.lezer })
}, 120_000)

afterAll(async () => {
  await closeBrowser?.()
  await server?.stop()
  server?.cleanup()
})

const missing = (page: Page) => page.getByTestId('archive-missing')
const missingText = (page: Page) => page.getByTestId('archive-missing-text').textContent()

async function openReadiness(page: Page): Promise<void> {
  await page.goto(`/document/${DE_PEEL}/gereed`)
  await page.getByTestId('status-archive').waitFor()
}

/** The server's next attempt as this browser shows a time: HH:MM. */
async function nextAttemptShown(page: Page): Promise<string> {
  const lezer = await login(server, DEMO_USERS.lezer)
  const { body } = await getJson<State>(server, lezer, `/api/documents/${DE_PEEL}/archive/state`)
  const at = body.pending?.nextAttemptAt
  if (typeof at !== 'number') throw new Error(`no next attempt: ${JSON.stringify(body)}`)
  return page.evaluate((time) => {
    const d = new Date(time)
    return [d.getHours(), d.getMinutes()].map((n) => String(n).padStart(2, '0')).join(':')
  }, at)
}

it('says that the dossier could not be made and when the server tries again, to everyone', async () => {
  await openReadiness(reader.page)
  await expect.poll(() => missing(reader.page).getAttribute('data-state'), { timeout: 15_000 }).toBe('failed')
  expect(await missingText(reader.page)).toBe(
    `Het archiefdossier kon niet worden gemaakt. De server probeert het opnieuw om ${await nextAttemptShown(reader.page)}.`,
  )
  // Only a trekker may have it tried at once.
  expect(await reader.page.getByTestId('archive-retry').count()).toBe(0)
  expect(await reader.page.getByTestId('archived-dossier').count()).toBe(0)

  await openReadiness(trekker.page)
  await expect.poll(() => missing(trekker.page).getAttribute('data-state'), { timeout: 15_000 }).toBe('failed')
  expect(await missingText(trekker.page)).toMatch(
    /^Het archiefdossier kon niet worden gemaakt\. De server probeert het opnieuw om \d{2}:\d{2}\.$/,
  )
  expect(await trekker.page.getByTestId('archive-retry').textContent()).toBe('Nu opnieuw proberen')
  await expectAccessible(trekker.page, 'the archive of an adopted perspective whose dossier could not be made')
}, 60_000)

it('is tried again from the keyboard by the trekker, and appears for everyone once it can be kept', async () => {
  const button = trekker.page.getByTestId('archive-retry')
  await button.focus()
  await trekker.page.keyboard.press('Enter')
  // Still refused: said so, with the time of the next automatic attempt, and the focus stays put.
  await expect.poll(() => missingText(trekker.page), { timeout: 15_000 }).toContain('Ook deze poging is mislukt.')
  expect(await missingText(trekker.page)).toContain(`om ${await nextAttemptShown(trekker.page)}.`)
  expect(await button.textContent()).toBe('Nu opnieuw proberen')
  expect(await trekker.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('archive-retry')

  allowArchiving(server.dataDir)
  await trekker.page.keyboard.press('Space')
  const kept = trekker.page.getByTestId('archived-dossier')
  await kept.waitFor({ timeout: 15_000 })
  expect(await kept.textContent()).toBe('Vastgesteld dossier (PDF/A) downloaden')
  expect(await missing(trekker.page).count()).toBe(0)
  await expectAccessible(trekker.page, 'the archive with the dossier made by hand')

  // The reader's page asks again on its own (at the latest every 30 s) and shows it without a reload.
  await reader.page.getByTestId('archived-dossier').waitFor({ timeout: 40_000 })
  expect(await reader.page.getByTestId('archived-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/)
  expect(await missing(reader.page).count()).toBe(0)

  await closeWithoutProblems(trekker, reader)
}, 90_000)
