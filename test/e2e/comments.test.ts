// Comments and ijkmomenten in the browser: the province places a comment on selected text, the Rijk
// sees the highlight and the card live, replies, and the Rijk's trekker resolves it (a Rijk author
// may not: the opener's organisation or a trekker resolves, docs/comments.md); the side panel's
// filters; a trekker opens and closes IJkmoment 1, gets the round report, and the version appears
// in the Versiegeschiedenis, where it opens read-only and compares with the current text.
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  caretToEnd,
  DEMO_USERS,
  editorOf,
  editorText,
  fetchJson,
  launchBrowser,
  newUserContext,
  openDocument,
  SaveStatus,
  saveStatusText,
  sectionIds,
  sectionLocator,
  typeAtEnd,
  type UserContext,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { signedHashOf, signForBothSides } from './signSection.ts'
import { selectText } from './support/selectText.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
let server: RunningServer
let browser: Browser
let provincie: UserContext
let rijk: UserContext
let trekker: UserContext
/** The first two sections of De Peel (hoofdopgave, toekomstbestendig). */
let firstId = ''
let secondId = ''
/** The thread the province opens in the first test. */
let threadId = ''

/** Places a comment on `text` through the button beside the selection; returns the new thread's id. */
async function placeComment(page: Page, sectionId: string, text: string, body: string): Promise<string> {
  await selectText(page, sectionId, text)
  await page.getByTestId('comment-button').click()
  const form = page.getByTestId('comment-form')
  await form.getByTestId('comment-body').fill(body)
  await form.getByTestId('comment-submit').click()
  await form.waitFor({ state: 'detached' })
  const card = page.getByTestId('comment-thread').filter({ hasText: body })
  await card.waitFor()
  return (await card.getAttribute('data-thread-id')) ?? ''
}

function card(page: Page, id: string): Locator {
  return page.locator(`[data-testid="comments-panel"] [data-testid="comment-thread"][data-thread-id="${id}"]`)
}

/** The demo's friction point, open from the start (found in beforeAll). */
let demoThreadId = ''

/** The cards shown, in order: the threads this suite placed (the demo's is left out). */
async function visibleThreadIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid="comments-panel"] [data-testid="comment-thread"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-thread-id') ?? ''))
  return ids.filter((id) => id !== demoThreadId)
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  provincie = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieAuteur })
  rijk = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
  trekker = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkOndertekenaar })
  await Promise.all([openDocument(provincie.page, DE_PEEL), openDocument(rijk.page, DE_PEEL)])
  ;[firstId = '', secondId = ''] = await sectionIds(provincie.page)
  const demoCard = provincie.page.getByTestId('comment-thread').filter({ hasText: 'Schuurpunt met ons ruimtelijk' })
  demoThreadId = (await demoCard.getAttribute('data-thread-id')) ?? ''
  expect(demoThreadId).not.toBe('')
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

describe('comments', () => {
  it('the province places a comment, the Rijk sees it live, replies, and the Rijk trekker resolves it', async () => {
    const body = 'Is dit haalbaar? Zie https://example.org/peel en <script>window.__pwned = 1</script>'
    threadId = await placeComment(provincie.page, firstId, 'stikstofdepositie', body)
    expect(threadId).not.toBe('')

    // Live at the Rijk: the card and the highlight over exactly the selected word.
    const rijkCard = card(rijk.page, threadId)
    await rijkCard.waitFor()
    expect(await rijkCard.getAttribute('data-status')).toBe('open')
    // Announced politely to the Rijk (not to the province, who placed it).
    await expect.poll(() => rijk.page.getByTestId('comment-announcement').textContent()).toContain('Nieuwe reactie van')
    // Nor did the demo's thread, there when the page opened, count as news (its answer is the Rijk's).
    expect(await provincie.page.getByTestId('comment-announcement').textContent()).toBe('')
    await expect
      .poll(() =>
        editorOf(rijk.page, firstId)
          .locator(`[data-testid="comment-highlight"][data-thread-id="${threadId}"]`)
          .allTextContents()
          .then((parts) => parts.join('')),
      )
      .toBe('stikstofdepositie')
    // The body is text: the script is shown, never run; only the https URL is a link.
    await expect.poll(() => rijkCard.textContent()).toContain('<script>window.__pwned = 1</script>')
    expect(await rijk.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await rijkCard.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      'https://example.org/peel',
    ])
    // A comment changes no text: the section still reads the same at the province.
    expect(await editorOf(provincie.page, firstId).textContent()).toContain('stikstofdepositie')

    // The Rijk replies; the province sees it live.
    await rijkCard.getByTestId('comment-reply').click()
    await rijkCard.getByTestId('comment-body').fill('Ja, met de bufferzones uit § 3.')
    await rijkCard.getByTestId('comment-submit').click()
    await card(provincie.page, threadId).getByText('Ja, met de bufferzones uit § 3.').waitFor()

    // A Rijk author is not of the opener's organisation and no trekker: no button, and the server says no.
    expect(await rijkCard.getByTestId('comment-resolve').count()).toBe(0)
    const refused = await fetchJson(rijk.page, 'POST', `/api/documents/${DE_PEEL}/comments/${threadId}/resolve`, {})
    expect(refused.status).toBe(403)

    // The Rijk's trekker resolves it; everyone sees the status change.
    await openDocument(trekker.page, DE_PEEL)
    const trekkerCard = card(trekker.page, threadId)
    await trekkerCard.getByTestId('comment-resolve').click()
    await expect.poll(() => card(provincie.page, threadId).getAttribute('data-status')).toBe('resolved')
    await expect.poll(() => rijkCard.getAttribute('data-status')).toBe('resolved')
    // A resolved thread keeps its card but loses its highlight.
    await expect
      .poll(() => rijk.page.locator(`[data-testid="comment-highlight"][data-thread-id="${threadId}"]`).count())
      .toBe(0)
    // The province (the opener's organisation) may reopen it.
    await expect.poll(() => card(provincie.page, threadId).getByTestId('comment-reopen').count()).toBe(1)

    // The refused resolve above is the only failed request.
    rijk.assertNoProblems([/status of 403/])
    provincie.assertNoProblems()
    trekker.assertNoProblems()
  })

  it('filters the side panel by status, organisation and section', async () => {
    const rijkThread = await placeComment(rijk.page, secondId, 'Peelrandbreuk', 'Graag een kaart hierbij.')
    const panel = provincie.page.getByTestId('comments-panel')
    await card(provincie.page, rijkThread).waitFor()
    expect(await visibleThreadIds(provincie.page)).toEqual([threadId, rijkThread])

    await panel.getByTestId('comment-filter-status').selectOption('open')
    await expect.poll(() => visibleThreadIds(provincie.page)).toEqual([rijkThread])
    await panel.getByTestId('comment-filter-status').selectOption('resolved')
    await expect.poll(() => visibleThreadIds(provincie.page)).toEqual([threadId])
    await panel.getByTestId('comment-filter-status').selectOption('all')

    await panel.getByTestId('comment-filter-organisation').selectOption({ label: 'Provincie Noord-Brabant' })
    await expect.poll(() => visibleThreadIds(provincie.page)).toEqual([threadId])
    await panel.getByTestId('comment-filter-organisation').selectOption('all')

    await panel.getByTestId('comment-filter-section').selectOption(secondId)
    await expect.poll(() => visibleThreadIds(provincie.page)).toEqual([rijkThread])
    await panel.getByTestId('comment-filter-section').selectOption('all')

    // Both were opened outside an ijkmoment.
    await panel.getByTestId('comment-filter-round').selectOption('1')
    await expect.poll(() => visibleThreadIds(provincie.page)).toEqual([])
    await panel.getByTestId('comment-filter-round').selectOption('none')
    await expect.poll(() => visibleThreadIds(provincie.page)).toEqual([threadId, rijkThread])
    await panel.getByTestId('comment-filter-round').selectOption('all')
  })
  it('mentions a member, keeps a thread whose text is deleted as "tekst verwijderd", edits and deletes own messages', async () => {
    const page = provincie.page
    const thirdId = (await sectionIds(page))[2] ?? ''
    await selectText(page, thirdId, 'hydrologische')
    // The keyboard shortcut opens the same form as the button.
    await page.keyboard.press('Control+Alt+M')
    const form = page.getByTestId('comment-form')
    const field = form.getByTestId('comment-body')
    await field.waitFor()
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('comment-body')
    await field.pressSequentially('Vraag voor @Anne')
    await form.getByRole('option', { name: /Anne de Vries/ }).waitFor()
    await page.keyboard.press('Enter')
    await expect.poll(() => field.inputValue()).toBe('Vraag voor @Anne de Vries ')
    await form.getByTestId('comment-submit').click()
    const own = page.getByTestId('comment-thread').filter({ hasText: 'Vraag voor @Anne de Vries' })
    await own.waitFor()
    const id = (await own.getAttribute('data-thread-id')) ?? ''
    await rijk.page.locator(`[data-testid="comment-highlight"][data-thread-id="${id}"]`).waitFor()
    // Anne can show only the threads that mention her, and the document list counts them for her.
    await rijk.page.getByTestId('comment-filter-mentions').check()
    await expect.poll(() => visibleThreadIds(rijk.page)).toEqual([id])
    await rijk.page.getByTestId('comment-filter-mentions').uncheck()
    const listed = (await fetchJson(rijk.page, 'GET', '/api/documents')).body as { id: string; mentionsYou?: number }[]
    expect(listed.find((d) => d.id === DE_PEEL)?.mentionsYou).toBe(1)

    // The province deletes the commented word: the thread stays, with its quote, at the Rijk too.
    await selectText(page, thirdId, 'hydrologische ')
    await page.keyboard.press('Backspace')
    const rijkCard = card(rijk.page, id)
    await rijkCard.getByTestId('comment-text-deleted').waitFor()
    expect(await rijkCard.textContent()).toContain('hydrologische')
    expect(await rijk.page.locator(`[data-testid="comment-highlight"][data-thread-id="${id}"]`).count()).toBe(0)

    // Edit and delete: only on one's own messages.
    expect(await rijkCard.getByTestId('comment-edit').count()).toBe(0)
    await card(page, id).getByTestId('comment-edit').click()
    await card(page, id).getByTestId('comment-body').fill('Vraag is aangepast.')
    await card(page, id).getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(() => rijkCard.textContent()).toContain('Vraag is aangepast.')
    expect(await rijkCard.textContent()).toContain('(bewerkt)')
    page.once('dialog', (dialog) => void dialog.accept())
    await card(page, id).getByTestId('comment-delete').click()
    await expect.poll(() => rijkCard.textContent()).toContain('bericht verwijderd')
    expect(await rijkCard.textContent()).not.toContain('Vraag is aangepast.')
    provincie.assertNoProblems()
  })
  it('brings a thread back to its text when the deletion is undone with Ctrl+Z, on every page', async () => {
    const page = provincie.page
    const sectionId = (await sectionIds(page))[4] ?? ''
    await typeAtEnd(page, sectionId, ' Een herstelbare zin. Slot.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Volgende alinea hier.')
    await waitForSaveStatus(page, SaveStatus.saved)
    const highlight = (on: Page, id: string): Locator =>
      on.locator(`[data-testid="comment-highlight"][data-thread-id="${id}"]`)
    const highlighted = (on: Page, id: string): Promise<string> =>
      highlight(on, id)
        .allTextContents()
        .then((parts) => parts.join(''))

    // Within one paragraph, and across two (the deletion joins them; the undo splits them again).
    for (const quoted of ['herstelbare zin', 'Slot.Volgende']) {
      const id = await placeComment(page, sectionId, quoted, `Terugzetten: ${quoted}`)
      await expect.poll(() => highlighted(rijk.page, id)).toBe(quoted)
      await selectText(page, sectionId, quoted)
      await page.keyboard.press('Backspace')
      await card(rijk.page, id).getByTestId('comment-text-deleted').waitFor()
      await page.keyboard.press('Control+z')
      await expect.poll(() => editorText(page, sectionId)).toContain('Een herstelbare zin. Slot.\nVolgende alinea')
      // The restored text is new text to Yjs; the page that undid hands the thread over to it, for everyone.
      await expect.poll(() => highlighted(rijk.page, id)).toBe(quoted)
      expect(await card(rijk.page, id).getByTestId('comment-text-deleted').count()).toBe(0)
      await expect.poll(() => highlighted(page, id)).toBe(quoted)
      await waitForSaveStatus(page, SaveStatus.saved)
    }
    const reloaded = await provincie.context.newPage()
    await openDocument(reloaded, DE_PEEL)
    const ids = await page
      .getByTestId('comment-thread')
      .filter({ hasText: 'Terugzetten: ' })
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-thread-id') ?? ''))
    expect(ids).toHaveLength(2)
    for (const id of ids) await highlight(reloaded, id).first().waitFor()
    await reloaded.close()
    provincie.assertNoProblems()
  })
  it('comments on a signed-off (locked) section without changing its text or its hash', async () => {
    const page = provincie.page
    const lockedId = (await sectionIds(page))[3] ?? ''
    await signForBothSides(server, DE_PEEL, lockedId)
    await expect.poll(() => editorOf(page, lockedId).getAttribute('aria-readonly')).toBe('true')
    const hashOf = () => signedHashOf(page, DE_PEEL, lockedId)
    const before = await hashOf()
    const textBefore = await editorOf(page, lockedId).textContent()

    const id = await placeComment(
      page,
      lockedId,
      'Nationaal Programma Landelijk Gebied',
      'Welke cijfers horen hierbij?',
    )
    await card(rijk.page, id).waitFor()
    await rijk.page.locator(`[data-testid="comment-highlight"][data-thread-id="${id}"]`).waitFor()
    expect(await hashOf()).toEqual(before)
    expect(before?.verified).toBe(true)
    expect(await editorOf(page, lockedId).textContent()).toBe(textBefore)
    expect(await sectionLocator(page, lockedId).getAttribute('data-locked')).toBe('true')

    // From the keyboard: the caret goes into the locked text, Shift+arrows select a passage, and
    // Ctrl+Alt+M comments on it, without changing the text.
    const lastWord = (await editorText(page, lockedId)).trimEnd().split(/\s+/).at(-1) ?? ''
    expect(lastWord.length).toBeGreaterThan(2)
    await editorOf(page, lockedId).focus()
    await caretToEnd(page, lockedId)
    for (let i = 0; i < lastWord.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await page.keyboard.press('Control+Alt+M')
    await page.getByTestId('comment-body').fill('Opmerking bij een passage, met het toetsenbord.')
    await page.keyboard.press('Control+Enter')
    const passage = page.getByTestId('comment-thread').filter({ hasText: 'Opmerking bij een passage' })
    await passage.waitFor()
    // The quote, after its visually hidden label "Bij de tekst:".
    expect((await passage.locator('blockquote').textContent())?.replace(/^Bij de tekst: /, '')).toBe(lastWord)
    expect(await hashOf()).toEqual(before)
    expect(await editorOf(page, lockedId).textContent()).toBe(textBefore)

    // Or the whole section, with its own button.
    const sectionButton = sectionLocator(page, lockedId).getByTestId('comment-section-button')
    await sectionButton.focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('comment-body').fill('Opmerking bij de hele sectie.')
    await page.keyboard.press('Control+Enter')
    const whole = page.getByTestId('comment-thread').filter({ hasText: 'Opmerking bij de hele sectie.' })
    await whole.waitFor()
    expect(await whole.locator('blockquote').textContent()).toContain('Bijdrage aan het Nationaal Programma')
    expect(await hashOf()).toEqual(before)
    provincie.assertNoProblems()
  })

  it('a meelezer, who may comment but not edit, places a comment that the authors see live', async () => {
    const meelezer = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.meelezer })
    const { page } = meelezer
    await openDocument(page, DE_PEEL)
    await waitForSaveStatus(page, SaveStatus.saved)
    await expect.poll(() => editorOf(page, secondId).getAttribute('aria-readonly')).toBe('true')
    const word = (await editorText(page, secondId)).split(/\s+/).find((w) => /^[a-z]{8,}$/.test(w)) ?? ''
    expect(word).not.toBe('')
    const textBefore = await editorText(page, secondId)

    const id = await placeComment(page, secondId, word, 'Vraag van een meelezer.')
    await card(rijk.page, id).getByText('Vraag van een meelezer.').waitFor()
    await card(provincie.page, id).waitFor()
    // Keys in the text change nothing: the caret may go there (to select with the keyboard), no more.
    await editorOf(page, secondId).click()
    await page.keyboard.type('Mag niet')
    await page.keyboard.press('Backspace')
    expect(await editorText(page, secondId)).toBe(textBefore)
    // The comment is the only thing the meelezer's page changed, and nothing was refused.
    expect(await editorText(rijk.page, secondId)).toBe(textBefore)
    expect(await page.getByTestId('refusal').count()).toBe(0)
    expect(await saveStatusText(page)).toBe(SaveStatus.saved)
    meelezer.assertNoProblems()
    await meelezer.close()
  })
})

describe('ijkmomenten', () => {
  it('a trekker opens and closes IJkmoment 1; the report shows and the version appears in the history', async () => {
    const page = trekker.page
    await expect.poll(() => page.getByTestId('round-status').textContent()).toContain('Geen ijkmoment actief')
    // Authors see the state but have no buttons.
    expect(await rijk.page.getByTestId('round-open').count()).toBe(0)

    await page.getByTestId('round-open').click()
    await expect.poll(() => page.getByTestId('round-status').textContent()).toContain('IJkmoment 1 loopt')
    await expect.poll(() => rijk.page.getByTestId('round-status').textContent()).toContain('IJkmoment 1 loopt')

    // A thread opened during the round belongs to it.
    const inRound = await placeComment(rijk.page, firstId, 'Peelvenen', 'Open punt voor IJkmoment 1.')
    await card(page, inRound).waitFor()
    await page.getByTestId('comment-filter-round').selectOption('1')
    await expect.poll(() => visibleThreadIds(page)).toEqual([inRound])
    await page.getByTestId('comment-filter-round').selectOption('all')

    await page.getByTestId('round-close').click()
    const dialog = page.getByTestId('round-close-dialog')
    await dialog.waitFor()
    await dialog.getByTestId('round-close-confirm').click()
    const report = page.getByTestId('round-report')
    await report.waitFor()
    await expect.poll(() => report.textContent()).toContain('Rapport IJkmoment 1')
    expect(await report.getByRole('link', { name: 'Download als Markdown' }).getAttribute('href')).toBe(
      `/api/documents/${DE_PEEL}/review/1/report?format=md`,
    )
    const markdown = await fetchJson(page, 'GET', `/api/documents/${DE_PEEL}/review/1/report?format=md`)
    expect(markdown.status).toBe(200)
    expect(String(markdown.body)).toContain('IJkmoment 1')
    await expect.poll(() => page.getByTestId('round-status').textContent()).toContain('Geen ijkmoment actief')
    // The open thread is carried into the next round, visibly.
    await expect.poll(() => card(page, inRound).textContent()).toContain('Meegenomen naar IJkmoment 2')

    // A change after the round, to see in the comparison.
    await typeAtEnd(page, secondId, ' Nieuwe zin na het ijkmoment.')
    await waitForSaveStatus(page, SaveStatus.saved)

    await page.getByTestId('versions-link').click()
    await page.waitForURL(`**/document/${DE_PEEL}/versies`)
    const versions = page.getByTestId('versions')
    // The server also keeps the state at the start of the round; each is named for what it is.
    await expect
      .poll(() => versions.locator('.version-list__name').allTextContents())
      .toEqual(['Begin IJkmoment 1', 'Einde IJkmoment 1'])
    const closedVersion = versions
      .getByTestId('version')
      .filter({ has: page.locator('.version-list__name', { hasText: /^Einde IJkmoment 1$/ }) })
    await closedVersion.waitFor()
    await closedVersion.getByRole('button', { name: /Vergelijken met huidige versie/ }).click()
    const compare = page.getByTestId('version-compare')
    await compare.waitFor()
    const changed = compare.locator(`[data-section-id="${secondId}"]`)
    await expect.poll(() => changed.getAttribute('data-status')).toBe('changed')
    await expect
      .poll(() =>
        changed
          .locator('ins')
          .allTextContents()
          .then((t) => t.join(' ')),
      )
      .toContain('Nieuwe')
    expect(await changed.locator('ins').first().textContent()).toContain('toegevoegd')
    expect(await compare.locator(`[data-section-id="${firstId}"]`).getAttribute('data-status')).toBe('same')
    await closedVersion.getByRole('button', { name: /Bekijken/ }).click()
    await page.getByTestId('version-reader').locator('.ProseMirror').first().waitFor()
    expect(await page.getByTestId('version-reader').textContent()).toContain('stikstofdepositie')
    expect(await page.locator('[data-testid="version-reader"] .ProseMirror[contenteditable="true"]').count()).toBe(0)

    // The version is listed for another member too.
    await waitFor(
      async () => {
        const answer = await fetchJson(rijk.page, 'GET', `/api/documents/${DE_PEEL}/versions`)
        const list = Array.isArray(answer.body) ? (answer.body as { kind?: unknown; round?: unknown }[]) : []
        return answer.status === 200 && list.some((v) => v.kind === 'roundEnd' && v.round === 1)
      },
      { timeout: 10_000, message: 'the end of IJkmoment 1 listed for the Rijk author' },
    )
    rijk.assertNoProblems([/status of 403/])
    provincie.assertNoProblems()
    trekker.assertNoProblems()
  })
})
