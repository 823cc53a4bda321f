// Comments from the keyboard alone (no mouse, no clicks): a province author Tabs into a section's
// text, selects words with Shift+Ctrl+arrows, opens "Reactie plaatsen" with Ctrl+Alt+M, sends with
// Ctrl+Enter, Tabs to the thread's card, replies and resolves it. After every step the focus is where
// a keyboard user needs it next (back in the text, back on "Beantwoorden", on the card). Escape puts a
// reply aside as a draft, which "Beantwoorden" brings back and "Annuleren" throws away.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { DEMO_USERS, launchBrowser, newUserContext, openDocument, type UserContext } from '../helpers/browser.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'

let server: RunningServer
let browser: Browser
let author: UserContext

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  author = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieAuteur })
  // A busy CI machine renders the editors slowly; a keyboard flow waits for each step.
  author.context.setDefaultTimeout(30_000)
  await openDocument(author.page, DE_PEEL)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

interface Focused {
  readonly testId: string | null
  readonly editorOfSection: string | null
  readonly threadId: string | null
  readonly tag: string
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement
    const editor = el?.closest('.ProseMirror') ? el.closest('[data-testid="section"]') : null
    return {
      testId: el?.getAttribute('data-testid') ?? null,
      editorOfSection: editor?.getAttribute('data-section-id') ?? null,
      threadId: el?.closest('[data-testid="comment-thread"]')?.getAttribute('data-thread-id') ?? null,
      tag: el?.tagName.toLowerCase() ?? '',
    }
  })
}

/** Presses Tab until `wanted` holds for the focused element; fails after `max` presses. */
async function tabUntil(page: Page, wanted: (f: Focused) => boolean, what: string, max = 300): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (wanted(await focused(page))) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab did not reach ${what} within ${max} presses (focus on ${JSON.stringify(await focused(page))})`)
}

it('places a comment, replies and resolves it with the keyboard only', async () => {
  const { page } = author
  const firstSection = await page.locator('[data-testid="section"]').first().getAttribute('data-section-id')
  expect(firstSection).not.toBeNull()

  // Into the first section's text, from the top of the page.
  await page.keyboard.press('Tab')
  await tabUntil(page, (f) => f.editorOfSection === firstSection, 'the first section text')
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Control+Shift+ArrowRight')
  await page.keyboard.press('Control+Shift+ArrowRight')
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '')
  expect(selected.trim()).toBe('De hoofdopgave')

  // Ctrl+Alt+M opens the form with the focus in the text field at once: what is typed straight after
  // goes into the comment, none of it into the document. Ctrl+Enter sends.
  await page.keyboard.press('Control+Alt+M')
  await page.keyboard.type('Graag de kaart van de hoofdopgave toevoegen.')
  const form = page.getByTestId('comment-form')
  expect(await form.getByTestId('comment-body').inputValue()).toBe('Graag de kaart van de hoofdopgave toevoegen.')
  expect(await form.locator('blockquote').textContent()).toContain('De hoofdopgave')
  expect(await page.locator('[data-testid="section"] .ProseMirror').first().textContent()).toMatch(/^De hoofdopgave/)
  await page.keyboard.press('Control+Enter')
  await form.waitFor({ state: 'detached' })
  const card = page.getByTestId('comment-thread').filter({ hasText: 'Graag de kaart van de hoofdopgave toevoegen.' })
  await card.waitFor()
  const threadId = (await card.getAttribute('data-thread-id')) ?? ''
  // The focus is back in the text, which now carries the highlight.
  await expect.poll(async () => (await focused(page)).editorOfSection).toBe(firstSection)
  await page.locator(`[data-testid="comment-highlight"][data-thread-id="${threadId}"]`).first().waitFor()

  // Escape closes a form without sending and gives the focus back; the text is kept as a draft, and
  // "Beantwoorden" says so (its description).
  // Typed straight after Enter on "Beantwoorden", all of it lands in the reply.
  await tabUntil(page, (f) => f.testId === 'comment-reply' && f.threadId === threadId, 'the thread’s reply button')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Dit verstuur ik niet.')
  expect(await card.getByTestId('comment-body').inputValue()).toBe('Dit verstuur ik niet.')
  await page.keyboard.press('Escape')
  await expect.poll(async () => (await focused(page)).testId).toBe('comment-reply')
  expect(await card.getByTestId('comment-message').allTextContents()).not.toContainEqual(
    expect.stringContaining('Dit verstuur ik niet.'),
  )
  const description = await page.evaluate(() => {
    const ids = document.activeElement?.getAttribute('aria-describedby') ?? ''
    return ids
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
  })
  expect(description).toBe('Concept bewaard')

  // Enter on "Beantwoorden" brings the draft back; "Annuleren" (Tab past "Versturen") throws it away.
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await focused(page)).testId).toBe('comment-body')
  expect(await card.getByTestId('comment-body').inputValue()).toBe('Dit verstuur ik niet.')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toMatchObject({ testId: 'comment-submit', threadId })
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren')
  await page.keyboard.press('Enter')
  await expect.poll(async () => focused(page)).toMatchObject({ testId: 'comment-reply', threadId })
  expect(await card.getByTestId('comment-draft-kept').count()).toBe(0)

  // Reply: Enter on "Beantwoorden", type, Ctrl+Enter; the focus returns to "Beantwoorden".
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await focused(page)).testId).toBe('comment-body')
  await page.keyboard.type('De kaart komt in de volgende versie.')
  await page.keyboard.press('Control+Enter')
  await card.getByTestId('comment-message').filter({ hasText: 'De kaart komt in de volgende versie.' }).waitFor()
  // The cancelled text did not come back into the reply.
  expect(await card.getByTestId('comment-message').allTextContents()).not.toContainEqual(
    expect.stringContaining('Dit verstuur ik niet.'),
  )
  await expect.poll(async () => focused(page)).toMatchObject({ testId: 'comment-reply', threadId })

  // Resolve: the next stop after "Beantwoorden" is "Oplossen"; the focus then rests on the card.
  await page.keyboard.press('Tab')
  expect(await focused(page)).toMatchObject({ testId: 'comment-resolve', threadId })
  await page.keyboard.press('Enter')
  await expect.poll(() => card.getAttribute('data-status')).toBe('resolved')
  await expect.poll(async () => focused(page)).toMatchObject({ testId: 'comment-thread', threadId })
  // A resolved thread has no highlight left, and can be reopened from the keyboard too.
  expect(await page.locator(`[data-testid="comment-highlight"][data-thread-id="${threadId}"]`).count()).toBe(0)
  await tabUntil(page, (f) => f.testId === 'comment-reopen' && f.threadId === threadId, 'the reopen button', 10)
  author.assertNoProblems()
})
