// Accessibility of sign-off, links, readiness, export and wisselwerking (issue 9), in one story on one
// server: keyboard only (no mouse), a Rijk signatory links a section to the Noord-Brabant voorstel
// and signs it, the province signatory signs it too (it locks, said politely), the Rijk asks to
// reopen it in a dialog that keeps the focus, and the dossier is exported. Every panel, dialog and
// page on the way is checked with axe (WCAG 2.1 A/AA, Dutch interface) and, in a second browser in
// the pseudo-locale, for texts that are not in the message catalogue; English is checked once.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  fetchJson,
  launchBrowser,
  newUserContext,
  openDocument,
  sectionIds,
  sectionLocator,
  typeAtEnd,
  type UserContext,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { expectAccessible } from './support/axe.ts'
import { expectOnlyCatalogueTexts, LANGUAGE_STORAGE_KEY, usePseudoLocale } from './support/catalogue.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const NOORD_BRABANT = 'ruimtelijk-voorstel-noord-brabant'
const TARGET_TITLE = 'Wonen en verstedelijking'
const SENTENCE = 'Zie voor de woningbouw'
/** Several browsers on a shared 2-core machine. */
const LONG_TEST_MS = 180_000

let server: RunningServer
let browser: Browser
/** The Rijk signatory, Dutch interface (axe and the keyboard flows). */
let rijk: UserContext
/** The same account in the pseudo-locale (the catalogue check). */
let rijkPseudo: UserContext
let provincie: UserContext
/** The perspective section that links and is signed (the first). */
let sectionId = ''
let targetId = ''

function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 30_000 })
}

/** What has the keyboard focus, as `data-testid` (or the tag name). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (el === null) return ''
    return (
      el.getAttribute('data-testid') ?? (el.classList.contains('ProseMirror') ? 'editor' : el.tagName.toLowerCase())
    )
  })
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 80, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press(key)
  }
  throw new Error(`${selector} not reached with ${max} × ${key}; the focus is on ${await focused(page)}`)
}

/** True when the focus is inside the element matching `selector`. */
function focusWithin(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.closest(s) !== null && document.activeElement !== null, selector)
}

/** Tab `count` times through a modal dialog: the focus never leaves it. */
async function expectFocusTrapped(page: Page, selector: string, count = 8): Promise<void> {
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab')
    expect(await focusWithin(page, selector), `focus in ${selector} after ${i + 1} presses`).toBe(true)
  }
}

/** axe in the Dutch page, the catalogue check in the pseudo-locale page, on the same part. */
async function checkBoth(dutch: Page, pseudo: Page, selector: string, what: string): Promise<void> {
  await expectAccessible(dutch, what, selector)
  await expectOnlyCatalogueTexts(pseudo, what, selector)
}

/** From the section named in the address (its title has the focus) into its text, by keyboard. */
async function intoSectionText(page: Page, documentId: string, id: string): Promise<void> {
  // A fresh load: a change of the hash alone on an open page is not a navigation the app hears of.
  await page.goto('/healthz')
  await page.goto(`/document/${documentId}#section-${id}`)
  await poll(() => focused(page)).toBe('section-title')
  await page.keyboard.press('Enter')
  await poll(() => focused(page)).toBe('editor')
  await page.keyboard.press('Control+End')
}

const panel = '[data-testid="signoff-panel"]'
const itemOf = (id: string): string => `[data-testid="signoff-item"][data-section-id="${id}"]`

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  rijk = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkOndertekenaar })
  rijkPseudo = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkOndertekenaar })
  await usePseudoLocale(rijkPseudo.context)
  provincie = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieOndertekenaar })
  for (const user of [rijk, rijkPseudo, provincie]) user.context.setDefaultTimeout(30_000)
  const targets = await fetchJson(
    rijk.page,
    'GET',
    `/api/documents/${DE_PEEL}/link-targets?q=${encodeURIComponent(TARGET_TITLE)}`,
  )
  const target = (targets.body as { documentId: string; sectionId: string; title: string }[]).find(
    (t) => t.documentId === NOORD_BRABANT && t.title === TARGET_TITLE,
  )
  if (!target) throw new Error(`no "${TARGET_TITLE}" in ${JSON.stringify(targets.body)}`)
  targetId = target.sectionId
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

describe('section links, keyboard only', () => {
  it(
    'inserts a link with Ctrl+Alt+K, search, arrows and Enter; the picker keeps and returns the focus',
    async () => {
      const page = rijk.page
      await openDocument(page, DE_PEEL)
      sectionId = (await sectionIds(page))[0] ?? ''
      await intoSectionText(page, DE_PEEL, sectionId)
      await page.keyboard.type(` ${SENTENCE} `)

      // Escape closes the picker and the cursor is back in the text.
      await page.keyboard.press('Control+Alt+K')
      await poll(() => focused(page)).toBe('link-picker-search')
      await page.keyboard.press('Escape')
      await poll(() => page.getByTestId('link-picker').count()).toBe(0)
      await poll(() => focused(page)).toBe('editor')

      await page.keyboard.press('Control+Alt+K')
      const picker = page.getByTestId('link-picker')
      await poll(() => focused(page)).toBe('link-picker-search')
      await page.keyboard.type(TARGET_TITLE)
      await picker.locator(`[role="listbox"][aria-busy="false"][data-query="${TARGET_TITLE}"]`).waitFor()
      await expectAccessible(page, 'link picker with results', '[data-testid="link-picker"]')
      await expectFocusTrapped(page, '[data-testid="link-picker"]')
      await tabTo(page, '[data-testid="link-picker-search"]', 10)
      const options = await picker
        .getByTestId('link-picker-option')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-section-id')))
      const at = options.indexOf(targetId)
      expect(at, `target among ${JSON.stringify(options)}`).toBeGreaterThanOrEqual(0)
      for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown')
      expect(await picker.locator('[role="option"][aria-selected="true"]').getAttribute('data-section-id')).toBe(
        targetId,
      )
      await page.keyboard.press('Enter')
      await picker.waitFor({ state: 'detached' })
      await poll(() => focused(page)).toBe('editor')
      const link = sectionLocator(page, sectionId).locator(
        `[data-testid="section-link"][data-target-section-id="${targetId}"]`,
      )
      await poll(() => link.getAttribute('data-state')).toBe('valid')
      await waitForSaveStatus(page, 'Opgeslagen', 30_000)

      // The picker in the pseudo-locale: every text from the catalogue (titles are user content).
      const pseudo = rijkPseudo.page
      await openDocument(pseudo, DE_PEEL)
      // The link button of each section and the header's way to the wisselwerking.
      for (const part of ['.section-toolbar', '[data-testid="wisselwerking-link"]'])
        await checkBoth(page, pseudo, part, part)
      await intoSectionText(pseudo, DE_PEEL, sectionId)
      await pseudo.keyboard.press('Control+Alt+K')
      await pseudo.getByTestId('link-picker').locator('[role="listbox"][aria-busy="false"]').waitFor()
      await expectOnlyCatalogueTexts(pseudo, 'link picker', '[data-testid="link-picker"]')
      await pseudo.keyboard.press('Escape')
      await pseudo.getByTestId('link-picker').waitFor({ state: 'detached' })
    },
    LONG_TEST_MS,
  )

  it(
    'shows valid and suspect links in words, and the link-changes dialog keeps and returns the focus',
    async () => {
      const linkSelector = `[data-testid="section"][data-section-id="${sectionId}"] [data-testid="section-link"]`
      await poll(() => rijkPseudo.page.locator(linkSelector).getAttribute('data-state')).toBe('valid')
      await checkBoth(rijk.page, rijkPseudo.page, linkSelector, 'a valid link')

      // The province changes the target's text: the link becomes suspect.
      await openDocument(provincie.page, NOORD_BRABANT)
      await typeAtEnd(provincie.page, targetId, ' Ook werken krijgt een plek.')
      await waitForSaveStatus(provincie.page, 'Opgeslagen', 30_000)
      for (const page of [rijk.page, rijkPseudo.page])
        await poll(() => page.locator(linkSelector).getAttribute('data-state')).toBe('suspect')
      await checkBoth(rijk.page, rijkPseudo.page, linkSelector, 'a suspect link')
      expect(await rijk.page.locator(linkSelector).textContent()).toContain('gewijzigd sinds koppeling')

      // "Wat is er gewijzigd?" by keyboard: the focus moves into the dialog, stays there, Escape closes
      // it and the focus returns to the link.
      const page = rijk.page
      await page.locator(`${linkSelector} [data-testid="section-link-open"]`).focus()
      await page.keyboard.press('Tab')
      await poll(() => focused(page)).toBe('link-changes-open')
      await page.keyboard.press('Enter')
      const dialog = '[data-testid="link-changes"]'
      await page.locator(`${dialog} [data-testid="link-changes-text"]`).waitFor()
      expect(await focusWithin(page, dialog)).toBe(true)
      // On its title, not on "Markeren als beoordeeld": Enter does not mark it reviewed unread.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2')
      await expectAccessible(page, 'link-changes dialog', dialog)
      await expectFocusTrapped(page, dialog)
      await page.keyboard.press('Escape')
      await page.locator(dialog).waitFor({ state: 'detached' })
      await poll(() => focused(page)).toBe('section-link-open')

      const pseudo = rijkPseudo.page
      await pseudo.locator(`${linkSelector} [data-testid="link-changes-open"]`).focus()
      await pseudo.keyboard.press('Enter')
      await pseudo.locator(`${dialog} [data-testid="link-changes-text"]`).waitFor()
      await expectOnlyCatalogueTexts(pseudo, 'link-changes dialog', dialog)
      await pseudo.keyboard.press('Escape')
      await pseudo.locator(dialog).waitFor({ state: 'detached' })
    },
    LONG_TEST_MS,
  )

  it('lists the backlink on the target section accessibly, with only catalogue texts', async () => {
    const backlinks = `[data-testid="section"][data-section-id="${targetId}"] [data-testid="backlinks"]`
    for (const page of [rijk.page, rijkPseudo.page]) {
      await openDocument(page, NOORD_BRABANT)
      await page.locator(backlinks).waitFor()
      // Opened with the keyboard: Enter on its summary.
      await page.locator(`${backlinks} summary`).focus()
      await page.keyboard.press('Enter')
      await poll(() => page.locator(backlinks).getAttribute('open')).toBe('')
    }
    await checkBoth(rijk.page, rijkPseudo.page, backlinks, 'backlinks')
  })

  it('makes the wisselwerking page accessible, with only catalogue texts', async () => {
    for (const page of [rijk.page, rijkPseudo.page]) {
      await page.goto('/gebied/de-peel/wisselwerking')
      await page.getByTestId('wisselwerking').waitFor()
      await poll(() => page.locator('[data-testid="wisselwerking"] td[data-state="suspect"]').count()).toBe(1)
    }
    await checkBoth(rijk.page, rijkPseudo.page, '.wisselwerking-page', 'wisselwerking page')
  })
})

describe('signing a section, keyboard only', () => {
  /** Opens the document and the sign-off panel with the keyboard; the panel's heading takes the focus. */
  async function openPanelByKeyboard(page: Page): Promise<void> {
    await openDocument(page, DE_PEEL)
    await waitForSaveStatus(page, 'Opgeslagen', 30_000)
    await tabTo(page, '[data-testid="open-signoff"]')
    await page.keyboard.press('Enter')
    await page.locator(panel).waitFor()
    await poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe('signoff-panel-title')
    // The overview arrives from the server after the heading takes the focus; a user tabs once it is shown.
    await page
      .locator(`${itemOf(sectionId)} [data-section-id="${sectionId}"]`)
      .first()
      .waitFor()
  }

  /**
   * Tab to this section's sign button and press it, then confirm in the dialog: its title has the focus,
   * one Tab reaches "Ondertekenen namens …" (with `check`, axe and the focus trap are checked on the
   * dialog too). The item shows `state` and keeps the focus.
   */
  async function signByKeyboard(page: Page, state: string, check = false): Promise<void> {
    await tabTo(page, `[data-testid="sign-section"][data-section-id="${sectionId}"]`)
    await page.keyboard.press('Enter')
    await page.getByTestId('sign-dialog').waitFor()
    await poll(() => focusWithin(page, '[data-testid="sign-dialog"]')).toBe(true)
    await page.keyboard.press('Tab')
    await poll(() => focused(page)).toBe('sign-confirm')
    if (check) {
      await expectAccessible(page, 'sign dialog', '[data-testid="sign-dialog"]')
      await expectFocusTrapped(page, '[data-testid="sign-dialog"]')
      await tabTo(page, '[data-testid="sign-confirm"]', 5)
    }
    await page.keyboard.press('Enter')
    await page.getByTestId('sign-dialog').waitFor({ state: 'detached' })
    await poll(() => page.locator(itemOf(sectionId)).getAttribute('data-state')).toBe(state)
    await poll(() => focusWithin(page, itemOf(sectionId))).toBe(true)
  }

  it(
    'signs as the Rijk and as the province; the section locks and a polite live region says so',
    async () => {
      await openPanelByKeyboard(rijk.page)
      await rijkPseudo.page.goto(`/document/${DE_PEEL}?paneel=ondertekenen`)
      await rijkPseudo.page.locator(panel).waitFor()
      await poll(() => rijkPseudo.page.locator(`${itemOf(sectionId)} [data-testid="sign-section"]`).count()).toBe(1)
      await checkBoth(rijk.page, rijkPseudo.page, panel, 'sign-off panel, unsigned')
      await rijkPseudo.page.locator(`${itemOf(sectionId)} [data-testid="sign-section"]`).click()
      await expectOnlyCatalogueTexts(rijkPseudo.page, 'sign dialog', '[data-testid="sign-dialog"]')
      await rijkPseudo.page.keyboard.press('Escape')
      await rijkPseudo.page.getByTestId('sign-dialog').waitFor({ state: 'detached' })

      await signByKeyboard(rijk.page, 'half', true)
      await poll(() => rijk.page.getByTestId('signoff-message').textContent()).toContain('Nu wacht de sectie')
      await poll(() => rijkPseudo.page.locator(itemOf(sectionId)).getAttribute('data-state')).toBe('half')
      await checkBoth(rijk.page, rijkPseudo.page, panel, 'sign-off panel, half signed')
      // Escape closes the panel and the focus goes back to its toggle.
      await rijk.page.keyboard.press('Escape')
      await rijk.page.locator(panel).waitFor({ state: 'detached' })
      await poll(() => focused(rijk.page)).toBe('open-signoff')

      const announcer = rijk.page.getByTestId('signoff-announcement')
      expect(await announcer.getAttribute('aria-live')).toBe('polite')
      expect(await announcer.getAttribute('role')).toBe('status')
      await openPanelByKeyboard(provincie.page)
      await signByKeyboard(provincie.page, 'locked')
      await poll(() => announcer.textContent()).toBe('Sectie 1 is vergrendeld: beide partijen hebben ondertekend.')
      await poll(() => rijkPseudo.page.getByTestId('signoff-announcement').textContent()).toMatch(/^⟦.*⟧$/)
      await poll(() => sectionLocator(rijk.page, sectionId).getAttribute('data-locked')).toBe('true')
      const section = `[data-testid="section"][data-section-id="${sectionId}"] [data-testid="signoff-status"]`
      await poll(() => rijkPseudo.page.locator(section).count()).toBe(1)
      await checkBoth(rijk.page, rijkPseudo.page, section, 'status line of a locked section')
      await poll(() => rijkPseudo.page.locator(itemOf(sectionId)).getAttribute('data-state')).toBe('locked')
      await rijk.page.keyboard.press('Enter')
      await rijk.page.locator(panel).waitFor()
      await poll(() => rijk.page.locator(itemOf(sectionId)).getAttribute('data-state')).toBe('locked')
      await checkBoth(rijk.page, rijkPseudo.page, panel, 'sign-off panel, locked section')
    },
    LONG_TEST_MS,
  )

  it(
    'asks to reopen in a dialog that takes the focus, keeps it, closes on Escape and gives it back',
    async () => {
      const page = rijk.page
      const dialog = '[data-testid="reopen-dialog"]'
      const reopen = `[data-testid="reopen-section"][data-section-id="${sectionId}"]`
      await tabTo(page, reopen)
      await page.keyboard.press('Enter')
      await poll(() => focused(page)).toBe('reopen-reason')
      await expectAccessible(page, 'reopen dialog', dialog)
      await expectFocusTrapped(page, dialog)
      await page.keyboard.press('Escape')
      await page.locator(dialog).waitFor({ state: 'detached' })
      await poll(() => page.evaluate((s) => document.activeElement?.matches(s) ?? false, reopen)).toBe(true)

      // Sent without a reason: the error is said and the field is marked, in the catalogue's words.
      await page.keyboard.press('Enter')
      await poll(() => focused(page)).toBe('reopen-reason')
      await tabTo(page, '[data-testid="reopen-confirm"]', 5)
      await page.keyboard.press('Enter')
      await poll(() => page.locator(dialog).getByRole('alert').textContent()).toBe('Vul een reden in.')
      await expectAccessible(page, 'reopen dialog with an error', dialog)
      await page.keyboard.press('Escape')

      const pseudo = rijkPseudo.page
      await pseudo.locator(reopen).focus()
      await pseudo.keyboard.press('Enter')
      await pseudo.locator(dialog).waitFor()
      await expectOnlyCatalogueTexts(pseudo, 'reopen dialog', dialog)
      await pseudo.getByTestId('reopen-confirm').focus()
      await pseudo.keyboard.press('Enter')
      await poll(() => pseudo.locator(dialog).getByRole('alert').textContent()).toMatch(/^⟦.*⟧$/)
      await expectOnlyCatalogueTexts(pseudo, 'reopen dialog with an error', dialog)
      await pseudo.keyboard.press('Escape')
      await pseudo.locator(dialog).waitFor({ state: 'detached' })
    },
    LONG_TEST_MS,
  )
})

describe('readiness and export', () => {
  it('makes the BO-MIRT readiness view accessible, with only catalogue texts', async () => {
    for (const page of [rijk.page, rijkPseudo.page]) {
      await page.goto(`/document/${DE_PEEL}/gereed`)
      await page.getByTestId('readiness').waitFor()
    }
    await poll(() => rijk.page.getByTestId('readiness-verdict').textContent()).toBe(
      'Nog niet gereed: 1 van 8 onderdelen vergrendeld',
    )
    await checkBoth(rijk.page, rijkPseudo.page, '.readiness-page', 'readiness view')
  })

  it('shows the export progress accessibly, with only catalogue texts', async () => {
    const release: (() => void)[] = []
    for (const page of [rijk.page, rijkPseudo.page]) {
      await page.route('**/export?format=pdf', async (route) => {
        await new Promise<void>((resolve) => release.push(resolve))
        await route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'internal', message: 'Internal error' } }),
        })
      })
      await page.getByTestId('export-dossier').focus()
      await page.keyboard.press('Enter')
      await page.getByTestId('export-progress').waitFor()
    }
    await checkBoth(rijk.page, rijkPseudo.page, '.export-dossier', 'export in progress')
    for (const resolve of release) resolve()
    for (const page of [rijk.page, rijkPseudo.page]) {
      await page.getByTestId('export-error').waitFor()
      await page.unroute('**/export?format=pdf')
    }
    await checkBoth(rijk.page, rijkPseudo.page, '.export-dossier', 'export failed')
  })

  it('exports the dossier with the keyboard: reach the control, choose a format, start, download', async () => {
    const page = rijk.page
    await page.goto(`/document/${DE_PEEL}/gereed`)
    await page.getByTestId('readiness').waitFor()
    await tabTo(page, '[data-testid="export-format"]')
    // pdf → docx → odt → md: arrow keys change a closed select's choice.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
    expect(await page.getByTestId('export-format').inputValue()).toBe('md')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('export-dossier')
    const download = page.waitForEvent('download')
    await page.keyboard.press('Enter')
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.md$/)
    await poll(() => page.locator('.export-dossier__status').textContent()).toContain('Gedownload')
    // The button kept the focus while the export ran (it is never disabled under the keyboard).
    expect(await focused(page)).toBe('export-dossier')
  })
})

describe('English, and unlocking', () => {
  it('shows the sign-off panel, readiness and export in English once switched', async () => {
    const page = await rijk.newPage()
    await page.addInitScript((key) => window.localStorage.setItem(key, 'en'), LANGUAGE_STORAGE_KEY)
    await page.goto(`/document/${DE_PEEL}/gereed`)
    await poll(() => page.getByTestId('readiness-verdict').textContent()).toBe('Not ready yet: 1 of 8 parts locked')
    expect(await page.locator('[data-testid="readiness"] thead th').allTextContents()).toContain('Present')
    expect(await page.getByTestId('export-dossier').textContent()).toBe('Export dossier')
    await page.goto(`/document/${DE_PEEL}?paneel=ondertekenen`)
    await page.locator(panel).waitFor()
    await poll(() => page.locator(`${panel} h2`).first().textContent()).toBe('Sign off')
    await poll(() => page.locator(`${itemOf(sectionId)} .signoff-state`).textContent()).toBe('Status: locked')
    // The choice is remembered for the whole browser: back to Dutch for the other pages of this user.
    await page.evaluate((key) => window.localStorage.setItem(key, 'nl'), LANGUAGE_STORAGE_KEY)
    await page.close()
  })

  it('says politely that a section was reopened, for everyone', async () => {
    await openDocument(rijk.page, DE_PEEL)
    await waitForSaveStatus(rijk.page, 'Opgeslagen', 30_000)
    const path = `/api/documents/${DE_PEEL}/sections/${sectionId}/reopen`
    expect((await fetchJson(rijk.page, 'POST', path, { reason: 'Cijfers bijwerken.' })).status).toBe(200)
    const announcer = rijk.page.getByTestId('signoff-announcement')
    await poll(() => announcer.textContent()).toMatch(/^Sectie 1: .+ vraagt om heropenen\.$/)
    expect((await fetchJson(provincie.page, 'POST', path, { reason: 'Akkoord.' })).status).toBe(200)
    await poll(() => announcer.textContent()).toBe('Sectie 1 is heropend en kan weer worden bewerkt.')
    await poll(() => sectionLocator(rijk.page, sectionId).getAttribute('data-locked')).toBe('false')
  })

  it('logged no missing catalogue keys or other errors in any browser', () => {
    for (const user of [rijk, rijkPseudo, provincie]) user.assertNoProblems([/status of 500/])
  })
})
