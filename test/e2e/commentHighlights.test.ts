// A thread's highlight covers the same text on the page of the person who changed that text as on every
// other page and after a reload: after a local edit the highlight is resolved from Yjs again, not left
// where ProseMirror's own mapping guesses it (CommentHighlights.ts).
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import {
  DEMO_USERS,
  editorOf,
  newUserContext,
  openDocument,
  perspectiveIdOf,
  SaveStatus,
  sectionIds,
  typeAtEnd,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { randomComment, threadsOn } from './support/randomComments.ts'
import { selectText } from './support/selectText.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const parts = useServerAndBrowser()

it('shows the same highlight on the page that typed over the start of the commented text as on the others', async () => {
  const author = await newUserContext(parts.browser(), parts.server().httpUrl, { email: DEMO_USERS.provincieAuteur })
  const { page } = author
  await openDocument(page, await perspectiveIdOf(page, 'de-peel'))
  const sectionId = (await sectionIds(page))[1] as string
  const other = await author.context.newPage()
  await other.goto(page.url())
  await waitForSaveStatus(other, SaveStatus.saved)

  // The demo's own threads stay as they are; only the new one is compared.
  const demoThreads = await threadsOn(page)
  const newThreads = async (on: Page): Promise<string[]> =>
    (await threadsOn(on)).filter((line) => !demoThreads.includes(line))
  await typeAtEnd(page, sectionId, ' natuur café zon')
  // "café" and the space after it: five characters left of the caret after "café ".
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  expect(await randomComment(page, sectionId, () => 0.4, 1)).toBe('comment "Reactie 1" on "café "')
  await expect.poll(() => newThreads(page)).toEqual([expect.stringMatching(/ open: "café "$/)])
  await expect.poll(() => newThreads(other)).toEqual(await newThreads(page))

  // Typing away from the highlight's ends is mapped by ProseMirror alone: no second transaction per
  // keystroke to resolve the highlights from Yjs again.
  const refreshes = await countHighlightRefreshes(page, sectionId)
  await selectText(page, sectionId, 'atu')
  await page.keyboard.type('atu')
  await waitForSaveStatus(page, SaveStatus.saved)
  expect(await refreshes()).toBe(0)
  await expect.poll(() => newThreads(other)).toEqual([expect.stringMatching(/ open: "café "$/)])

  // A selection from before the highlight into it, typed over. ProseMirror's own mapping would start
  // the highlight after the new letter; Yjs puts the letter after the deleted text the anchor sticks to,
  // so on every other page the highlight starts with it. The thread is already the active one, so no
  // change of the active card redraws the highlights by chance.
  await selectText(page, sectionId, 'afé')
  await selectText(page, sectionId, 'r ca')
  await page.keyboard.type('Y')
  await waitForSaveStatus(page, SaveStatus.saved)
  expect(await refreshes()).toBeGreaterThan(0)
  await expect.poll(() => newThreads(other)).toEqual([expect.stringMatching(/ open: "Yfé "$/)])
  await expect.poll(() => newThreads(page)).toEqual(await newThreads(other))
  const reloaded = await author.context.newPage()
  await reloaded.goto(page.url())
  await waitForSaveStatus(reloaded, SaveStatus.saved)
  await expect.poll(() => newThreads(reloaded)).toEqual(await newThreads(page))
  author.assertNoProblems()
})

/**
 * Counts, from now on, the transactions in which the section's highlights are resolved from Yjs again
 * (CommentHighlights' refresh meta, under its plugin key).
 */
async function countHighlightRefreshes(page: Page, sectionId: string): Promise<() => Promise<number>> {
  const editor = editorOf(page, sectionId)
  await editor.evaluate((element) => {
    interface Counted {
      novexRefreshes?: number
      readonly editor: {
        on(event: 'transaction', handler: (props: { transaction: { getMeta(key: string): unknown } }) => void): void
      }
    }
    const counted = element as unknown as Counted
    counted.novexRefreshes = 0
    counted.editor.on('transaction', ({ transaction }) => {
      if (transaction.getMeta('novexCommentHighlights$') !== undefined)
        counted.novexRefreshes = (counted.novexRefreshes ?? 0) + 1
    })
  })
  return () => editor.evaluate((element) => (element as unknown as { novexRefreshes?: number }).novexRefreshes ?? -1)
}
