// Accessibility of the shell (issue 9): the login page (also after a failed login), the public
// accessibility statement, the document list, the 404 page and the document page while editing with
// a second person present, each checked with axe (WCAG 2.1 A/AA, Dutch interface) and, in a browser
// in the pseudo-locale, for texts that are not in the message catalogue. Also: a collaborator joining
// and leaving is announced politely, a remote caret tells who it is without colour, the document
// header names the Rijk and the provinces as senders, and the interface switches to English.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  editorOf,
  launchBrowser,
  newUserContext,
  openDocument,
  SaveStatus,
  sectionIds,
  sectionLocator,
  typeAtEnd,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { signForBothSides } from './signSection.ts'
import { expectAccessible } from './support/axe.ts'
import { expectOnlyCatalogueTexts, usePseudoLocale } from './support/catalogue.ts'
import { explainFailure, NETWORK_NOISE, openTwoUsers } from './twoUsers.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const PROVINCIE_NAME = 'Bram Jansen'
/** Several browsers on a shared 2-core machine. */
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

/** A context without a session, with its console errors collected. */
async function anonymous(pseudo: boolean): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: server.httpUrl, viewport: { width: 1280, height: 900 } })
  if (pseudo) await usePseudoLocale(context)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    // The failed login answers 401, which the browser logs as a failed resource load.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return { context, page, errors }
}

describe('accessibility of the shell', () => {
  it(
    'login page, a failed login and the accessibility statement, without a session',
    async () => {
      const dutch = await anonymous(false)
      const pseudo = await anonymous(true)
      try {
        for (const { page } of [dutch, pseudo]) {
          await page.goto('/inloggen')
          await page.locator('h1').waitFor()
        }
        expect(await dutch.page.locator('h1').textContent()).toBe('Inloggen')
        await expectAccessible(dutch.page, 'login page')
        await expectOnlyCatalogueTexts(pseudo.page, 'login page')

        // A wrong password: the error is an alert from the catalogue.
        for (const { page } of [dutch, pseudo]) {
          await page.getByLabel(/E-mailadres/).fill(DEMO_USERS.provincieAuteur)
          await page.getByLabel(/Wachtwoord/).fill(`${DEMO_PASSWORD}-fout`)
          await page.keyboard.press('Enter')
          await page.getByRole('alert').waitFor()
        }
        expect(await dutch.page.getByRole('alert').textContent()).toBe('Het e-mailadres of het wachtwoord klopt niet.')
        await expectAccessible(dutch.page, 'login page with an error')
        await expectOnlyCatalogueTexts(pseudo.page, 'login page with an error')

        // The statement is public and linked from the footer of every page.
        expect(await dutch.page.getByTestId('accessibility-link').getAttribute('href')).toBe('/toegankelijkheid')
        for (const { page } of [dutch, pseudo]) {
          await page.goto('/toegankelijkheid')
          await page.getByTestId('accessibility-statement').waitFor()
        }
        expect(new URL(dutch.page.url()).pathname).toBe('/toegankelijkheid')
        expect(await dutch.page.locator('h1').textContent()).toBe('Toegankelijkheidsverklaring')
        const statement = (await dutch.page.getByTestId('accessibility-statement').textContent()) ?? ''
        for (const part of ['WCAG', '2.1', 'EN 301 549', 'axe-core', 'toetsenbord', 'toegankelijkheid@novex.example']) {
          expect(statement).toContain(part)
        }
        expect(await dutch.page.getByTestId('accessibility-status').textContent()).toContain('Voldoet gedeeltelijk')
        // The date of the statement in the government's notation, dd-mm-jjjj.
        expect(statement).toMatch(/opgesteld op \d{2}-\d{2}-\d{4}/)
        await expectAccessible(dutch.page, 'accessibility statement')
        await expectOnlyCatalogueTexts(pseudo.page, 'accessibility statement')

        expect(dutch.errors).toEqual([])
        expect(pseudo.errors).toEqual([])
      } finally {
        await dutch.context.close()
        await pseudo.context.close()
      }
    },
    LONG_TEST_MS,
  )

  it(
    'document list and the 404 page',
    async () => {
      const dutch = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
      const pseudo = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
      await usePseudoLocale(pseudo.context)
      try {
        for (const { page } of [dutch, pseudo]) {
          await page.goto('/')
          await page.locator('.document-card').first().waitFor()
        }
        expect(await dutch.page.locator('h1').textContent()).toBe('Documenten')
        // Document titles are user content; the place is a catalogue text around the area's name.
        expect(await dutch.page.locator(`a[href="/document/${DE_PEEL}"] [translate="no"]`).textContent()).toBe(
          'Ontwikkelperspectief De Peel',
        )
        expect(await dutch.page.locator(`a[href="/document/${DE_PEEL}"] .document-card__meta`).textContent()).toBe(
          'NOVEX-gebied De Peel',
        )
        await expectAccessible(dutch.page, 'document list')
        await expectOnlyCatalogueTexts(pseudo.page, 'document list')

        for (const { page } of [dutch, pseudo]) {
          await page.goto('/bestaat-niet')
          await page.locator('h1').waitFor()
        }
        expect(await dutch.page.locator('h1').textContent()).toBe('Niet gevonden')
        await expectAccessible(dutch.page, '404 page')
        await expectOnlyCatalogueTexts(pseudo.page, '404 page')

        // A document that does not exist says so in the same words.
        await dutch.page.goto('/document/ontwikkelperspectief-bestaat-niet')
        await poll(() => dutch.page.locator('h1').textContent()).toBe('Niet gevonden')
        expect(await dutch.page.locator('main').textContent()).toContain('Dit document bestaat niet (meer)')

        // The server's 404 for the unknown document: from the API, and from the sync upgrade when the
        // page opened its connection before the API's answer came (a race; seen once in CI, 2026-11-29).
        const notFound = [/status of 404/, /WebSocket connection to .* Unexpected response code: 404/]
        dutch.assertNoProblems(notFound)
        pseudo.assertNoProblems(notFound)
      } finally {
        await dutch.close()
        await pseudo.close()
      }
    },
    LONG_TEST_MS,
  )

  it(
    'document page while editing, with a second person present: axe, catalogue, announcements, carets, senders',
    async () => {
      const rijk = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
      const provincie = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieAuteur })
      const pseudo = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkOndertekenaar })
      await usePseudoLocale(pseudo.context)
      try {
        await openDocument(rijk.page, DE_PEEL)
        await waitForSaveStatus(rijk.page, SaveStatus.saved)
        // The header names the senders: the Rijk (with the ministry that leads the area) and the
        // provinces of De Peel.
        const senders = rijk.page.getByTestId('co-senders')
        expect(await senders.getAttribute('aria-label')).toBe('Afzenders van dit document')
        expect(await senders.locator('li').allInnerTexts()).toEqual([
          'Rijksoverheid\nMinisterie van LVVN',
          'Provincie Noord-Brabant',
          'Provincie Limburg',
        ])

        // Once the page has settled, someone joining is announced in a polite live region.
        const announcer = rijk.page.getByTestId('presence-announcer')
        await rijk.page
          .locator('[data-testid="presence-announcer"][data-settled="true"]')
          .waitFor({ state: 'attached' })
        expect(await announcer.getAttribute('aria-live')).toBe('polite')
        expect(await announcer.getAttribute('role')).toBe('status')
        expect(await announcer.textContent()).toBe('')

        await openDocument(provincie.page, DE_PEEL)
        await poll(() => announcer.textContent()).toBe(`${PROVINCIE_NAME} werkt nu ook in dit document.`)

        // Both edit: the Rijk author's page is in the editing state, with the other person's caret.
        const [first, second] = await sectionIds(rijk.page)
        if (!first || !second) throw new Error('De Peel has fewer than two sections')
        await typeAtEnd(provincie.page, second, ' Provincie typt hier.')
        await typeAtEnd(rijk.page, first, ' Rijk typt hier.')
        // The caret says who it is and for which kind of organisation, and its line style differs
        // per kind: colour is not the only cue.
        const caret = editorOf(rijk.page, second).locator('.collaboration-carets__caret')
        await caret.waitFor({ state: 'attached' })
        // The label's text sits in a shadow root (renderCaret), out of the editor's text.
        await poll(() =>
          caret.locator('.collaboration-carets__label').evaluate((label) => label.shadowRoot?.textContent ?? ''),
        ).toBe(`${PROVINCIE_NAME} · Provincie`)
        expect(await caret.getAttribute('data-kind')).toBe('provincie')
        expect(await caret.evaluate((el) => getComputedStyle(el).borderLeftStyle)).toBe('dashed')
        await waitForSaveStatus(rijk.page, SaveStatus.saved)
        expect(await rijk.page.locator('.document-toolbar__people').textContent()).toBe('Nog 1 persoon in dit document')
        await expectAccessible(rijk.page, 'document page while editing with someone else present')

        // The table of contents, opened.
        await rijk.page.locator('.toc__summary').click()
        await rijk.page.locator('.toc__link').first().waitFor()
        expect(await rijk.page.locator('.toc__link').count()).toBeGreaterThanOrEqual(8)
        // Beside a title, the reactions still open on it: the demo's friction point in section 3.
        expect(await rijk.page.locator('.toc__link').nth(2).textContent()).toMatch(
          /^3 Gezamenlijk beeld .+ · 1 open reactie$/,
        )
        expect(await rijk.page.getByTestId('toc-open').count()).toBe(1)
        await expectAccessible(rijk.page, 'document page with the table of contents open')

        // The same page in the pseudo-locale, with both others present: only catalogue texts and
        // user content.
        await openDocument(pseudo.page, DE_PEEL)
        await waitForSaveStatus(pseudo.page, '⟦Opgeslagen⟧')
        await poll(async () =>
          (await pseudo.page.getByTestId('presence').textContent())?.includes(PROVINCIE_NAME),
        ).toBe(true)
        await pseudo.page.locator('.toc__summary').click()
        await typeAtEnd(pseudo.page, first, ' Ondertekenaar typt.')
        await waitForSaveStatus(pseudo.page, '⟦Opgeslagen⟧')
        await expectOnlyCatalogueTexts(pseudo.page, 'document page while editing')

        // Someone leaving is announced too.
        await provincie.page.close()
        await poll(() => announcer.textContent()).toBe(`${PROVINCIE_NAME} heeft het document verlaten.`)

        rijk.assertNoProblems()
        provincie.assertNoProblems()
        pseudo.assertNoProblems()
      } finally {
        await rijk.close()
        await provincie.close()
        await pseudo.close()
      }
    },
    LONG_TEST_MS,
  )

  it(
    'switches the interface to English and back with the keyboard',
    async () => {
      const user = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
      try {
        const { page } = user
        await page.goto('/')
        await page.locator('.document-card').first().waitFor()
        await page.getByTestId('language-switch').focus()
        await page.keyboard.press('Enter')
        await poll(() => page.locator('h1').textContent()).toBe('Documents')
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
        expect(await page.locator(`a[href="/document/${DE_PEEL}"] .document-card__meta`).textContent()).toBe(
          'NOVEX area De Peel',
        )
        expect(await page.getByTestId('logout').textContent()).toBe('Log out')
        expect(await page.getByTestId('accessibility-link').textContent()).toBe('Accessibility')

        // The choice is remembered: the document page opens in English.
        await openDocument(page, DE_PEEL)
        await waitForSaveStatus(page, 'Saved')
        expect(await page.locator('.toc__summary').textContent()).toMatch(/^Contents \(\d+ sections\)$/)
        expect(await page.getByTestId('co-senders').getAttribute('aria-label')).toBe('Senders of this document')
        await expectAccessible(page, 'document page in English')

        await page.getByTestId('language-switch').focus()
        await page.keyboard.press('Enter')
        await waitForSaveStatus(page, SaveStatus.saved)
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl')
        user.assertNoProblems()
      } finally {
        await user.close()
      }
    },
    LONG_TEST_MS,
  )
})

describe('accessibility of the refused-text dialog', () => {
  it(
    'is announced politely, passes axe and the catalogue check, keeps the focus inside and gives it back on Escape',
    async () => {
      const users = await openTwoUsers()
      try {
        const { rijk, provincie, documentId, server } = users
        // The Rijk author works in the pseudo-locale: the dialog is checked for catalogue texts and
        // with axe on the same page (its structure does not depend on the words).
        await usePseudoLocale(rijk.context)
        await openDocument(rijk.page, documentId)
        await waitForSaveStatus(rijk.page, '⟦Opgeslagen⟧')
        const announcer = rijk.page.getByTestId('refusal-announcer')
        expect(await announcer.getAttribute('aria-live')).toBe('polite')
        expect(await announcer.textContent()).toBe('')

        // Offline edits to two sections while both parties sign the first: the edit to it is refused.
        const [, x, y] = await sectionIds(rijk.page)
        if (!x || !y) throw new Error('De Peel has fewer than three sections')
        await users.goOffline(rijk)
        await waitForSaveStatus(rijk.page, '⟦Offline — wijzigingen worden lokaal bewaard⟧')
        await typeAtEnd(rijk.page, x, ' Offline in X.')
        await typeAtEnd(rijk.page, y, ' Offline in Y.')
        await signForBothSides(server, documentId, x)
        await sectionLocator(provincie.page, x).and(provincie.page.locator('[data-locked="true"]')).waitFor()
        await users.goOnline(rijk)

        const dialog = rijk.page.getByTestId('refused-dialog')
        await explainFailure(server, { offline: rijk.page }, () => dialog.waitFor({ timeout: 30_000 }))
        // Said politely in the live region that was there all along.
        await poll(() => announcer.textContent()).toContain('geweigerd')
        // The focus moved into the modal dialog and Tab keeps it there.
        expect(await rijk.page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true)
        for (let i = 0; i < 8; i++) {
          await rijk.page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab')
          expect(
            await rijk.page.evaluate(() => document.activeElement?.closest('[data-testid="refused-dialog"]') !== null),
            `focus in the dialog after ${i + 1} presses`,
          ).toBe(true)
        }
        await expectAccessible(rijk.page, 'refused-text dialog')
        await expectOnlyCatalogueTexts(rijk.page, 'refused-text dialog')

        // Escape closes it; the focus goes back to the section the user was typing in.
        await rijk.page.keyboard.press('Escape')
        await dialog.waitFor({ state: 'detached' })
        await poll(() =>
          rijk.page.evaluate(() =>
            document.activeElement?.closest('[data-section-id]')?.getAttribute('data-section-id'),
          ),
        ).toBe(y)
        await expectAccessible(rijk.page, 'document page after the refused-text dialog')
        // The pseudo-locale's init script also runs in about:blank frames, which have no localStorage.
        expect(rijk.unexpectedProblems(NETWORK_NOISE).filter((p) => p.page !== 'about:blank')).toEqual([])
        provincie.assertNoProblems()
      } finally {
        await users.close()
      }
    },
    LONG_TEST_MS,
  )
})
