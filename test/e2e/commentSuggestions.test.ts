// Text suggestions in the browser: a water board's meelezer selects words in the De Peel perspective and
// proposes other wording with their comment; the provincial author sees the change word by word and takes
// it over with one button; both see the new text live, the card says who took it over, and Ctrl+Z in the
// text undoes it. Once the quoted text has changed, the card says so instead of offering the button.
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  caretToEnd,
  DEMO_USERS,
  editorOf,
  editorText,
  launchBrowser,
  newUserContext,
  openDocument,
  SaveStatus,
  sectionIds,
  type UserContext,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { expectAccessible } from './support/axe.ts'
import { selectText } from './support/selectText.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
let server: RunningServer
let meelezer: UserContext
let auteur: UserContext
let firstId = ''

beforeAll(async () => {
  server = await startServer()
  const browser = await launchBrowser()
  meelezer = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.meelezer })
  auteur = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieAuteur })
  await Promise.all([openDocument(meelezer.page, DE_PEEL), openDocument(auteur.page, DE_PEEL)])
  ;[firstId = ''] = await sectionIds(auteur.page)
  return async () => {
    await browser.close()
  }
})

afterAll(async () => {
  await server?.stop()
  server?.cleanup()
})

/** Proposes `wording` for `text` with comment `body`, with the keyboard after the selection. */
async function propose(page: Page, text: string, wording: string, body: string): Promise<Locator> {
  await selectText(page, firstId, text)
  await page.keyboard.press('Control+Alt+M')
  const form = page.getByTestId('comment-form')
  await form.getByTestId('comment-body').fill(body)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Space')
  const field = form.getByTestId('comment-suggestion')
  expect(await field.inputValue()).toBe(text)
  await field.fill(wording)
  await form.getByTestId('comment-submit').click()
  await form.waitFor({ state: 'detached' })
  return page.locator('[data-testid="comments-panel"] [data-testid="comment-thread"]').filter({ hasText: body })
}

const cardAt = (page: Page, threadId: string): Locator =>
  page.locator(`[data-testid="comments-panel"] [data-testid="comment-thread"][data-thread-id="${threadId}"]`)

it('a meelezer proposes wording, the author takes it over in one step, and Ctrl+Z undoes it', async () => {
  const mine = await propose(meelezer.page, 'fors omlaag', 'in 2030 gehalveerd worden', 'Graag een concreet doel.')
  const threadId = (await mine.getAttribute('data-thread-id')) ?? ''
  // The meelezer may propose, not take over.
  expect(await mine.getByTestId('suggestion-apply').count()).toBe(0)

  // The author sees what would change, word by word, each change said in words too.
  const card = cardAt(auteur.page, threadId)
  const block = card.getByTestId('comment-suggestion-block')
  await block.waitFor()
  await expect.poll(() => block.locator('del').allTextContents()).toEqual(['[verwijderd: fors omlaag]'])
  await expect.poll(() => block.locator('ins').allTextContents()).toEqual(['[toegevoegd: in 2030 gehalveerd worden]'])
  await expectAccessible(auteur.page, 'a comment with a text suggestion')

  await block.getByTestId('suggestion-apply').click()
  await expect.poll(() => editorText(auteur.page, firstId)).toContain('moet in 2030 gehalveerd worden en')
  await expect.poll(() => editorText(meelezer.page, firstId)).toContain('moet in 2030 gehalveerd worden en')
  expect(await editorText(auteur.page, firstId)).not.toContain('fors omlaag')
  await expect.poll(() => mine.getByTestId('suggestion-applied').textContent()).toContain('Voorstel overgenomen door')
  // The text is as taken over: nothing to warn about.
  await expect.poll(() => mine.getByTestId('suggestion-changed-since').count()).toBe(0)
  expect(await card.getByTestId('suggestion-changed-since').count()).toBe(0)
  // The water board opened it; a provincial author (no trekker) leaves it open for them to close.
  expect(await card.getAttribute('data-status')).toBe('open')
  await waitForSaveStatus(auteur.page, SaveStatus.saved)

  // It was the author's own edit: Ctrl+Z in the text brings the old words back, for everyone.
  await editorOf(auteur.page, firstId).click()
  await caretToEnd(auteur.page, firstId)
  await auteur.page.keyboard.press('Control+z')
  await expect.poll(() => editorText(auteur.page, firstId)).toContain('moet fors omlaag en')
  await expect.poll(() => editorText(meelezer.page, firstId)).toContain('moet fors omlaag en')
  // The thread still says it was taken over, and now also that the text is not like that any more.
  await mine.getByTestId('suggestion-changed-since').waitFor()
  expect(await mine.getByTestId('suggestion-applied').count()).toBe(1)

  meelezer.assertNoProblems()
  auteur.assertNoProblems()
}, 90_000)

it('says the text changed instead of offering to take over a suggestion for text that is gone', async () => {
  const mine = await propose(meelezer.page, 'Meekoppelend', 'Daarnaast', 'Beter leesbaar.')
  const threadId = (await mine.getAttribute('data-thread-id')) ?? ''
  const card = cardAt(auteur.page, threadId)
  await card.getByTestId('suggestion-apply').waitFor()

  // The author rewrites the quoted word by hand.
  await selectText(auteur.page, firstId, 'Meekoppelend')
  await auteur.page.keyboard.type('Ook')
  await expect
    .poll(() => card.getByTestId('comment-suggestion-block').textContent())
    .toContain('De tekst is gewijzigd sinds dit voorstel.')
  expect(await card.getByTestId('suggestion-apply').count()).toBe(0)
  meelezer.assertNoProblems()
  auteur.assertNoProblems()
}, 90_000)
