// Ctrl+S, pressed out of habit by people who come from Word: the browser's "save page as" dialog does
// not open, and the save indicator says that every change is saved by itself, for a few seconds.
import { expect, it } from 'vitest'
import {
  caretToEnd,
  closeWithoutProblems,
  editorOf,
  newUserContext,
  openDocument,
  SaveStatus,
  saveAnnouncement,
  sectionIds,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const running = useServerAndBrowser()

it('catches Ctrl+S and says that saving happens by itself', async () => {
  const user = await newUserContext(running.browser(), running.server().httpUrl)
  const page = user.page
  await openDocument(page, DE_PEEL)
  await waitForSaveStatus(page, SaveStatus.saved)
  // Whether the browser would still act on the key: read after the page's own handlers ran.
  await page.evaluate(() => {
    const seen: boolean[] = []
    Object.assign(window, { __saveKeyPrevented: seen })
    window.addEventListener('keydown', (event) => {
      if (event.key.toLowerCase() === 's' && event.ctrlKey) seen.push(event.defaultPrevented)
    })
  })
  const prevented = (): Promise<boolean[]> =>
    page.evaluate(() => (window as unknown as { __saveKeyPrevented: boolean[] }).__saveKeyPrevented)
  const hint = page.getByTestId('save-shortcut-hint')

  const sectionId = (await sectionIds(page))[0] ?? ''
  await editorOf(page, sectionId).focus()
  await caretToEnd(page, sectionId)
  await page.keyboard.press('Control+S')
  await expect
    .poll(() => hint.textContent())
    .toBe('U hoeft niet zelf op te slaan: elke wijziging wordt vanzelf opgeslagen.')
  expect(await page.getByTestId('save-status').textContent()).toBe(SaveStatus.saved)
  // Screen readers hear it: the line is in the polite live region too (the visible indicator is not one).
  expect((await saveAnnouncement(page)).trim()).toBe(
    'U hoeft niet zelf op te slaan: elke wijziging wordt vanzelf opgeslagen.',
  )
  // Also with the focus outside the text.
  await page.locator('h1').click()
  await page.keyboard.press('Control+S')
  expect(await prevented()).toEqual([true, true])
  // The line goes away by itself.
  await expect.poll(() => hint.count(), { timeout: 15_000 }).toBe(0)
  await closeWithoutProblems(user)
}, 120_000)
