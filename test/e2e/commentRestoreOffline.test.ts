// Ctrl+Z brings commented text back, and the page hands the thread over to it once the server holds the
// undo (useRestoreOnUndo.ts). Without a network that is later; by then the text may have gone again or
// changed. Then there is nothing to hand over: the page asks nothing and the thread stays "tekst
// verwijderd" on every page. Before, the page sent the place it had noted at the undo, the server refused
// it (the text there was deleted, or no longer the quote) and the page asked twice more.
import type { Locator, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { editorOf, editorText, SaveStatus, sectionIds, waitForSaveStatus } from '../helpers/browser.ts'
import { selectText } from './support/selectText.ts'
import { placeThreads } from './support/threads.ts'
import { NETWORK_NOISE, useTwoUsers } from './twoUsers.ts'

const twoUsers = useTwoUsers()

const highlighted = (page: Page, threadId: string): Promise<string> =>
  page
    .locator(`[data-testid="comment-highlight"][data-thread-id="${threadId}"]`)
    .allTextContents()
    .then((parts) => parts.join(''))

const textDeleted = (page: Page, threadId: string): Locator =>
  page.locator(
    `[data-testid="comments-panel"] [data-testid="comment-thread"][data-thread-id="${threadId}"] [data-testid="comment-text-deleted"]`,
  )

it('hands a thread over to text restored offline only if the text is still there as quoted', async () => {
  const { server, rijk, provincie, documentId, goOffline, goOnline } = twoUsers()
  const page = provincie.page
  const ids = await sectionIds(page)
  // Each thread on the first eight characters of its section (placeThreads), in three sections.
  const places = [1, 2, 4]
  const threads = await placeThreads(
    server,
    documentId,
    places.map((section) => ({ section, body: `Terugzetten ${section}` })),
  )
  const cases = await Promise.all(
    places.map(async (section, i) => {
      const sectionId = ids[section] ?? ''
      return { sectionId, threadId: threads[i] ?? '', quote: (await editorText(page, sectionId)).slice(0, 8) }
    }),
  )
  for (const { threadId, quote } of cases) await expect.poll(() => highlighted(page, threadId)).toBe(quote)
  const [deletedAgain, changed, unchanged] = cases
  if (!deletedAgain || !changed || !unchanged) throw new Error('three threads expected')

  const handOvers: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/anchor')) handOvers.push(request.url())
  })

  // The commented text is deleted while online: every page shows "tekst verwijderd".
  for (const { sectionId, quote } of cases) {
    await selectText(page, sectionId, quote)
    await page.keyboard.press('Backspace')
  }
  await waitForSaveStatus(page, SaveStatus.saved)
  for (const { threadId } of cases) await textDeleted(rijk.page, threadId).waitFor()

  // Offline, each deletion is undone; then one text is deleted again and one changed.
  await goOffline(provincie)
  for (const { sectionId, quote } of cases) {
    await editorOf(page, sectionId).focus()
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await editorText(page, sectionId)).startsWith(quote)).toBe(true)
  }
  await selectText(page, deletedAgain.sectionId, deletedAgain.quote)
  await page.keyboard.press('Backspace')
  // Three of its characters typed over (the quote is at the start of the section: found there first).
  await selectText(page, changed.sectionId, changed.quote.slice(1, 4))
  await page.keyboard.type('x')
  expect((await editorText(page, changed.sectionId)).startsWith(changed.quote)).toBe(false)

  // Back online: the thread whose text is back as it was returns to it, for everyone.
  await goOnline(provincie)
  await waitForSaveStatus(page, SaveStatus.saved, 30_000)
  await expect.poll(() => highlighted(rijk.page, unchanged.threadId)).toBe(unchanged.quote)
  await expect.poll(() => highlighted(page, unchanged.threadId)).toBe(unchanged.quote)
  // The other two went out together with it, if at all: only the unchanged one was asked for.
  expect(handOvers).toEqual([expect.stringContaining(unchanged.threadId)])
  for (const { threadId } of [deletedAgain, changed]) {
    for (const on of [page, rijk.page]) expect(await textDeleted(on, threadId).count()).toBe(1)
    expect(await highlighted(rijk.page, threadId)).toBe('')
  }
  rijk.assertNoProblems()
  provincie.assertNoProblems(NETWORK_NOISE)
}, 120_000)
