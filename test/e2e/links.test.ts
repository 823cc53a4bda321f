// Section links in the browser (issue 6, docs/links.md): the Rijk links a De Peel perspective section
// to a section of the Noord-Brabant voorstel through the picker (keyboard only); the province renames
// the target in a second browser and the Rijk sees the new title at the link, live; the link opens
// the target section, where the backlink ("Verwijzingen hierheen") quotes the linking sentence and
// leads back; the province sees the backlink too; a change to the target's text makes the link
// suspect until it is marked reviewed; the area's wisselwerking matrix shows the link.
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  editorOf,
  editorText,
  fetchJson,
  launchBrowser,
  newUserContext,
  openDocument,
  sectionIds,
  sectionLocator,
  titleInputOf,
  typeAtEnd,
  type UserContext,
} from '../helpers/browser.ts'
import { VOORSTEL_LIMBURG } from '../helpers/documents.ts'
import { addLimburgPlanner, LIMBURG_PLANNER } from '../helpers/provinceStaff.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/waitFor.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const NOORD_BRABANT = 'ruimtelijk-voorstel-noord-brabant'
const TARGET_TITLE = 'Wonen en verstedelijking'
const RENAMED = 'Wonen, werken en verstedelijking'
const SENTENCE = 'Voor de woningbouw in de kernen zie'

let server: RunningServer
let browser: Browser
let rijk: UserContext
let provincie: UserContext
/** The perspective section that links (the first, hoofdopgave). */
let sourceId = ''
/** The voorstel section linked to ("Wonen en verstedelijking"). */
let targetId = ''

function linkIn(page: Page, sectionId: string): Locator {
  return editorOf(page, sectionId).locator(`[data-testid="section-link"][data-target-section-id="${targetId}"]`)
}

describe('section links between a perspective and a voorstel', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    rijk = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
    provincie = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieAuteur })
    const targets = await fetchJson(
      rijk.page,
      'GET',
      `/api/documents/${DE_PEEL}/link-targets?q=${encodeURIComponent(TARGET_TITLE)}`,
    )
    expect(targets.status).toBe(200)
    const target = (targets.body as { documentId: string; sectionId: string; title: string }[]).find(
      (t) => t.documentId === NOORD_BRABANT && t.title === TARGET_TITLE,
    )
    if (!target) throw new Error(`no "${TARGET_TITLE}" in ${JSON.stringify(targets.body)}`)
    targetId = target.sectionId
  })

  afterAll(async () => {
    await rijk?.close()
    await provincie?.close()
    await browser?.close()
    await server?.stop()
    server?.cleanup()
  })

  it('links a perspective section to a voorstel section through the picker, with the keyboard', async () => {
    const page = rijk.page
    await openDocument(page, DE_PEEL)
    sourceId = (await sectionIds(page))[0] ?? ''
    await typeAtEnd(page, sourceId, ` ${SENTENCE} `)
    // With words selected ("zie "), the link goes after them and they stay.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft')

    // Ctrl+Alt+K in the text opens the picker with the focus in its search field.
    await page.keyboard.press('Control+Alt+K')
    const picker = page.getByTestId('link-picker')
    await picker.waitFor()
    const search = picker.getByTestId('link-picker-search')
    await waitFor(() => search.evaluate((el) => el === document.activeElement), {
      timeout: 5_000,
      message: 'the focus in the picker search',
    })
    await page.keyboard.type(TARGET_TITLE)
    // Wait for the answer to this search (the list shows the previous one while it loads).
    await picker.locator(`[role="listbox"][aria-busy="false"][data-query="${TARGET_TITLE}"]`).waitFor()
    const options = await picker
      .getByTestId('link-picker-option')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-section-id')))
    const at = options.indexOf(targetId)
    expect(at, `target among ${JSON.stringify(options)}`).toBeGreaterThanOrEqual(0)
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown')
    expect(await picker.locator('[role="option"][aria-selected="true"]').getAttribute('data-section-id')).toBe(targetId)
    await page.keyboard.press('Enter')
    await picker.waitFor({ state: 'detached' })

    // The link sits in the text, shows the target's title and, once the server has indexed it, "valid".
    const link = linkIn(page, sourceId)
    await link.waitFor()
    expect(await link.getAttribute('data-target-document-id')).toBe(NOORD_BRABANT)
    await waitFor(async () => (await link.getAttribute('data-state')) === 'valid', {
      timeout: 15_000,
      message: 'the new link valid',
    })
    expect(await link.textContent()).toContain(TARGET_TITLE)
    expect(await editorText(page, sourceId)).toContain(SENTENCE)

    // The server derived it from the content.
    const links = await fetchJson(page, 'GET', `/api/documents/${DE_PEEL}/links`)
    expect(links.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sourceSectionId: sourceId,
          targetDocumentId: NOORD_BRABANT,
          targetSectionId: targetId,
        }),
      ]),
    )
  })

  it('shows the new title at the link, live, when a second browser renames the target', async () => {
    await openDocument(provincie.page, NOORD_BRABANT)
    const title = titleInputOf(provincie.page, targetId)
    await title.click()
    await provincie.page.keyboard.press('End')
    // "Wonen en verstedelijking" → "Wonen, werken en verstedelijking", typed as a person does.
    for (let i = 0; i < ' en verstedelijking'.length; i++) await provincie.page.keyboard.press('ArrowLeft')
    await provincie.page.keyboard.type(', werken')
    expect(await title.inputValue()).toBe(RENAMED)

    const link = linkIn(rijk.page, sourceId)
    await waitFor(async () => ((await link.textContent()) ?? '').includes(RENAMED), {
      timeout: 15_000,
      message: `"${RENAMED}" at the link in the first browser`,
    })
  })

  it('opens the target section from the link; its backlink quotes the sentence and leads back', async () => {
    const page = rijk.page
    await linkIn(page, sourceId).getByTestId('section-link-open').click()
    await page.waitForURL(`**/document/${NOORD_BRABANT}#section-${targetId}`)
    await waitFor(
      () =>
        page.evaluate(
          (id) => document.activeElement?.closest('[data-testid="section"]')?.getAttribute('data-section-id') === id,
          targetId,
        ),
      { timeout: 15_000, message: 'the focus in the target section' },
    )

    const backlinks = sectionLocator(page, targetId).getByTestId('backlinks')
    await backlinks.waitFor()
    await backlinks.locator('summary').click()
    const backlink = backlinks.getByTestId('backlink').filter({ hasText: 'Ontwikkelperspectief De Peel' })
    expect(await backlink.count()).toBe(1)
    expect(await backlink.textContent()).toContain(SENTENCE)

    await backlink.getByRole('link').click()
    await page.waitForURL(`**/document/${DE_PEEL}#section-${sourceId}`)
    await linkIn(page, sourceId).waitFor()
  })

  it('shows the backlink on the voorstel section in the second browser', async () => {
    // A new link into a document is the linking document's news (its revision is bumped); the target's
    // page sees it when it loads the backlinks.
    await openDocument(provincie.page, NOORD_BRABANT)
    const backlink = sectionLocator(provincie.page, targetId).getByTestId('backlinks').getByTestId('backlink')
    await waitFor(async () => (await backlink.count()) === 1, { timeout: 15_000, message: 'the backlink' })
    expect(await backlink.textContent()).toContain(SENTENCE)
  })

  it('makes the link suspect when the target text changes; the changes dialog shows it and review clears it', async () => {
    await typeAtEnd(provincie.page, targetId, ' Ook werken krijgt een plek.')
    const link = linkIn(rijk.page, sourceId)
    await waitFor(async () => (await link.getAttribute('data-state')) === 'suspect', {
      timeout: 15_000,
      message: 'the link suspect after the target changed',
    })
    expect(await link.textContent()).toContain('gewijzigd sinds koppeling')
    await waitFor(
      async () => ((await rijk.page.getByTestId('link-announcement').textContent()) ?? '').includes('gewijzigd'),
      { timeout: 5_000, message: 'the change announced' },
    )

    await link.getByTestId('link-changes-open').click()
    const dialog = rijk.page.getByTestId('link-changes')
    await dialog.getByTestId('link-changes-text').waitFor()
    expect(await dialog.locator('ins').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Ook werken krijgt een plek.')]),
    )
    await dialog.getByTestId('link-review').click()
    await dialog.waitFor({ state: 'detached' })
    await waitFor(async () => (await link.getAttribute('data-state')) === 'valid', {
      timeout: 15_000,
      message: 'the link valid after review',
    })
    // The focus is back on the link, not lost with the dialog's opener.
    expect(await link.getByTestId('section-link-open').evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('shows the link in the wisselwerking matrix of De Peel', async () => {
    const page = rijk.page
    await openDocument(page, DE_PEEL)
    await page.getByTestId('wisselwerking-link').first().click()
    await page.waitForURL('**/gebied/de-peel/wisselwerking')
    const matrix = page.getByTestId('wisselwerking')
    await matrix.waitFor()
    const cell = matrix.locator(`tr[data-section-id="${sourceId}"] td[data-target-section-id="${targetId}"]`)
    expect(['valid', 'suspect']).toContain(await cell.getAttribute('data-state'))
    // The linked section is not in "nog niet gekoppeld"; the others are.
    const unlinked = page.getByTestId('wisselwerking-unlinked')
    expect(await unlinked.locator(`[data-section-id="${sourceId}"]`).count()).toBe(0)
    expect(await unlinked.locator('li').count()).toBeGreaterThan(0)
    // The way back names the perspective, as every other page's breadcrumb names its document.
    const back = page.locator('nav.breadcrumb').getByRole('link', { name: 'Ontwikkelperspectief De Peel' })
    expect(await back.getAttribute('href')).toBe(`/document/${DE_PEEL}`)

    rijk.assertNoProblems()
    provincie.assertNoProblems()
  })

  it('tells staff of a province who are no member of the area why there is no matrix, and offers their voorstel', async () => {
    await addLimburgPlanner(server)
    const limburg = await newUserContext(browser, server.httpUrl, LIMBURG_PLANNER)
    try {
      const page = limburg.page
      await openDocument(page, VOORSTEL_LIMBURG)
      await page.getByTestId('wisselwerking-link').filter({ hasText: 'De Peel' }).click()
      await page.waitForURL('**/gebied/de-peel/wisselwerking')
      const notice = page.getByTestId('wisselwerking-no-perspective')
      await notice.waitFor()
      expect(await notice.textContent()).toContain('u bent geen lid van dit gebied')
      expect(await notice.getAttribute('data-missing')).toBe('no-access')
      expect(await page.getByTestId('wisselwerking').count()).toBe(0)
      // No error: before, the page said the server's answer was unexpected.
      expect(await page.getByRole('alert').count()).toBe(0)
      await notice.getByRole('link').click()
      await page.waitForURL(`**/document/${VOORSTEL_LIMBURG}`)
      limburg.assertNoProblems()
    } finally {
      await limburg.close()
    }
  })
})
