// The decision-making of an ontwikkelperspectief in the browser. After IJkmoment 3, with all eight
// components signed (prepared through the API), the Rijk's trekker submits De Peel for consent on
// "Gereed voor BO-MIRT?"; the provincial author sees the status change live in the document header,
// with the notice that the text can no longer change, and cannot type in it. The trekker withdraws
// with a reason (the author can write again) and submits again; then the Rijk's and the province's
// trekker each record the consent at the BO-MIRT and their government's adoption, until "Vastgesteld".
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  closeWithoutProblems,
  DEMO_USERS,
  editorOf,
  editorText,
  launchBrowser,
  newUserContext,
  openDocument,
  sectionIds,
  type UserContext,
} from '../helpers/browser.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { login } from '../helpers/session.ts'
import { postJson, sign } from '../helpers/signoff.ts'
import { expectAccessible } from './support/axe.ts'

let server: RunningServer
let rijkTrekker: UserContext
let regioTrekker: UserContext
let auteur: UserContext
let closeBrowser: () => Promise<void>

beforeAll(async () => {
  server = await startServer()
  // IJkmoment 1 to 3, opened and closed, and the eight components signed by both parties.
  const rijk = await login(server, DEMO_USERS.rijkOndertekenaar)
  const regio = await login(server, DEMO_USERS.provincieOndertekenaar)
  for (const step of ['open', 'close', 'open', 'close', 'open', 'close']) {
    expect((await postJson(server, rijk, `/api/documents/${DE_PEEL}/review/${step}`, {})).status).toBe(200)
  }
  const browser = await launchBrowser()
  closeBrowser = () => browser.close()
  auteur = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieAuteur })
  await openDocument(auteur.page, DE_PEEL)
  // De Peel holds the eight required components and nothing else.
  const ids = await sectionIds(auteur.page)
  expect(ids).toHaveLength(8)
  for (const id of ids) {
    expect((await sign(server, rijk, DE_PEEL, id)).status).toBe(200)
    expect((await sign(server, regio, DE_PEEL, id)).status).toBe(200)
  }
  rijkTrekker = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkOndertekenaar })
  regioTrekker = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieOndertekenaar })
}, 120_000)

afterAll(async () => {
  await closeBrowser?.()
  await server?.stop()
  server?.cleanup()
})

const statusOf = (page: Page): Promise<string | null> => page.getByTestId('document-status').getAttribute('data-status')
const currentStep = (page: Page): Promise<string | null> =>
  page.locator('[data-testid="status-panel"] [aria-current="step"]').getAttribute('data-status')
/** Yesterday as people here write it: dd-mm-jjjj. */
const yesterday = (): string => {
  const d = new Date(Date.now() - 86_400_000)
  return `${[d.getDate(), d.getMonth() + 1].map((n) => String(n).padStart(2, '0')).join('-')}-${d.getFullYear()}`
}

async function openReadiness(page: Page): Promise<void> {
  await page.goto(`/document/${DE_PEEL}/gereed`)
  await page.getByTestId('status-panel').waitFor()
}

async function record(page: Page, action: 'status-consent' | 'status-adopt', reference: string): Promise<void> {
  await page.getByTestId('status-date').fill(yesterday())
  await page.getByTestId('status-reference').fill(reference)
  await page.getByTestId(action).click()
}

it('is submitted by a trekker, freezes the text for everyone at once, and can be withdrawn with a reason', async () => {
  // The page shows its local copy first, then what the server has.
  await expect.poll(() => statusOf(auteur.page), { timeout: 15_000 }).toBe('ijkmoment-3')
  await openReadiness(rijkTrekker.page)
  await expect.poll(() => currentStep(rijkTrekker.page), { timeout: 15_000 }).toBe('ijkmoment-3')
  // IJkmoment 3 is closed: done, not "now"; submitting is what comes next (test/e2e/readinessSteps.test.ts).
  const step = (status: string) => rijkTrekker.page.locator(`[data-testid="status-panel"] li[data-status="${status}"]`)
  expect(await step('ijkmoment-3').textContent()).toBe('IJkmoment 3 (afgerond)')
  expect(await step('ter-instemming').textContent()).toBe('Ter instemming (BOL/BO-MIRT) (volgende stap)')
  await expectAccessible(rijkTrekker.page, 'the readiness page with the decision-making')

  await rijkTrekker.page.getByTestId('status-note').fill('Voor het BO-MIRT van november')
  await rijkTrekker.page.getByTestId('status-submit').click()
  await expect.poll(() => currentStep(rijkTrekker.page)).toBe('ter-instemming')
  await expect
    .poll(() => rijkTrekker.page.getByTestId('status-history').textContent())
    .toContain('Ter instemming aangeboden door Carla Bakker')

  // Live in the author's document: the status, the notice, and text that does not take keys.
  await expect.poll(() => statusOf(auteur.page)).toBe('ter-instemming')
  expect(await auteur.page.getByTestId('frozen-notice').textContent()).toContain('Niemand kan de tekst nog wijzigen')
  await expectAccessible(auteur.page, 'a document that lies ter instemming')
  const [first = ''] = await sectionIds(auteur.page)
  const before = await editorText(auteur.page, first)
  await editorOf(auteur.page, first).click()
  await auteur.page.keyboard.type('Nog snel iets')
  expect(await editorText(auteur.page, first)).toBe(before)
  expect(await auteur.page.getByTestId('add-section').count()).toBe(0)

  // Withdrawn, with a reason: the author can write again.
  await rijkTrekker.page.getByTestId('status-withdraw-open').click()
  await rijkTrekker.page.getByTestId('status-withdraw').click()
  await expect.poll(() => rijkTrekker.page.getByRole('alert').first().textContent()).toContain('Geef een reden op.')
  await rijkTrekker.page.getByTestId('status-withdraw-reason').fill('De Kamer vraagt eerst om een kaart.')
  await rijkTrekker.page.getByTestId('status-withdraw').click()
  await expect.poll(() => statusOf(auteur.page)).toBe('ijkmoment-3')
  expect(await auteur.page.getByTestId('frozen-notice').count()).toBe(0)
  // The signed sections stay locked (sign-off is apart from this); a section can be added again.
  await auteur.page.getByTestId('add-section').waitFor()
}, 120_000)

it('is onderschreven once both trekkers record the consent, and vastgesteld once both record the adoption', async () => {
  await rijkTrekker.page.getByTestId('status-submit').click()
  await expect.poll(() => currentStep(rijkTrekker.page)).toBe('ter-instemming')

  // The day is typed as dd-mm-jjjj, whatever the browser's language; a day that does not exist is
  // refused at the field, and nothing is recorded.
  const dateField = rijkTrekker.page.getByTestId('status-date')
  await dateField.fill('31-04-2026')
  await rijkTrekker.page.getByTestId('status-reference').fill('BO-MIRT najaar 2026')
  await rijkTrekker.page.getByTestId('status-consent').click()
  await expect.poll(() => dateField.getAttribute('aria-invalid')).toBe('true')
  expect(await rijkTrekker.page.getByRole('alert').first().textContent()).toMatch(
    /^Vul de datum in als dd-mm-jjjj, bijvoorbeeld \d{2}-\d{2}-\d{4}\.$/,
  )
  expect(await rijkTrekker.page.getByTestId('status-history').textContent()).not.toContain('Instemming van')

  await record(rijkTrekker.page, 'status-consent', 'BO-MIRT najaar 2026')
  await expect
    .poll(() => rijkTrekker.page.getByTestId('status-history').textContent())
    .toContain(`Instemming van het Rijk op ${yesterday()}`)
  await expect
    .poll(() => rijkTrekker.page.getByTestId('status-waiting').textContent())
    .toBe('Voor het Rijk is dit vastgelegd. Nu nog de regio.')
  await openReadiness(regioTrekker.page)
  await record(regioTrekker.page, 'status-consent', 'BO-MIRT najaar 2026')
  await expect.poll(() => currentStep(regioTrekker.page)).toBe('onderschreven')
  await expect.poll(() => currentStep(rijkTrekker.page)).toBe('onderschreven')

  await record(regioTrekker.page, 'status-adopt', 'Besluit GS 2026-123')
  await record(rijkTrekker.page, 'status-adopt', 'Ministerraad')
  await expect.poll(() => currentStep(rijkTrekker.page)).toBe('vastgesteld')
  await expect.poll(() => statusOf(auteur.page)).toBe('vastgesteld')
  expect(await auteur.page.getByTestId('frozen-notice').textContent()).toContain('ingestemd')
  await expect
    .poll(() => regioTrekker.page.getByTestId('status-history').textContent())
    .toContain('Vastgesteld door het Rijk')
  // The adopted dossier is kept as PDF/A, with its checksum, for everyone who may read the document.
  const kept = regioTrekker.page.getByTestId('archived-dossier')
  // Rendered as PDF/A after the adoption: seconds, more on a busy machine.
  await kept.waitFor({ timeout: 45_000 })
  expect(await kept.textContent()).toBe('Vastgesteld dossier (PDF/A) downloaden')
  expect(await regioTrekker.page.getByTestId('archived-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/)
  // The document list says so too (the open reaction is the demo's friction point, never resolved).
  await auteur.page.goto('/')
  await expect
    .poll(() => auteur.page.locator(`a[href="/document/${DE_PEEL}"] [data-testid="document-facts"]`).textContent())
    .toBe('Status: Vastgesteld · 1 open reactie')

  await closeWithoutProblems(rijkTrekker, regioTrekker, auteur)
}, 120_000)
