// One person undoes (Ctrl+Z) a removal after the other made the section much shorter, and then the other types
// again. Before, the page of the one who undid kept the selection of the undone step (from when the text
// was long) and tried to put it back on the other's next change: "Position N out of range" in the middle
// of applying it, so that page no longer showed what the other typed (@tiptap/y-tiptap, see
// patches/README.md). Its next keystroke then wrote its stale copy back and removed the other's text.
import { expect, it } from 'vitest'
import {
  caretToEnd,
  editorOf,
  editorText,
  SaveStatus,
  sectionIds,
  waitForSameText,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { useTwoUsers } from './twoUsers.ts'

const twoUsers = useTwoUsers()

it('shows the other’s typing after an undo that came after the text became shorter, and keeps it', async () => {
  const { rijk, provincie } = twoUsers()
  const [, , , , sectionId = ''] = await sectionIds(rijk.page)
  // The Rijk author removes the last word of a long text: the undo step remembers the caret far down.
  await editorOf(rijk.page, sectionId).click()
  await caretToEnd(rijk.page, sectionId)
  const long = await editorText(rijk.page, sectionId)
  expect(long.length).toBeGreaterThan(100)
  for (let i = 0; i < 5; i++) await rijk.page.keyboard.press('Backspace')
  await waitForSaveStatus(rijk.page, SaveStatus.saved)
  await waitForSameText([rijk.page, provincie.page], sectionId)

  // The provincial author empties the section; the Rijk author then undoes the typing.
  await editorOf(provincie.page, sectionId).click()
  await provincie.page.keyboard.press('Control+a')
  await provincie.page.keyboard.press('Backspace')
  await provincie.page.keyboard.type('Kort.')
  await waitForSaveStatus(provincie.page, SaveStatus.saved)
  await expect.poll(() => editorText(rijk.page, sectionId)).toBe('Kort.')
  await editorOf(rijk.page, sectionId).click()
  await rijk.page.keyboard.press('Control+z')
  // The removed word is back, beside the provincial author's text.
  await expect.poll(() => editorText(rijk.page, sectionId)).toContain(long.slice(-5))
  await waitForSaveStatus(rijk.page, SaveStatus.saved)

  // The provincial author types on: the Rijk page shows it.
  await editorOf(provincie.page, sectionId).click()
  await caretToEnd(provincie.page, sectionId)
  // One change (as a paste is), so that no later one of hers puts the page right by itself.
  await provincie.page.keyboard.insertText(' Nieuw.')
  await waitForSaveStatus(provincie.page, SaveStatus.saved)
  await expect.poll(() => editorText(rijk.page, sectionId)).toContain('Nieuw.')

  // The Rijk author types too: nobody's text is lost.
  await caretToEnd(rijk.page, sectionId)
  await rijk.page.keyboard.type(' Rijk.')
  await waitForSaveStatus(rijk.page, SaveStatus.saved)
  const merged = await waitForSameText([rijk.page, provincie.page], sectionId)
  expect(merged).toContain('Nieuw.')
  expect(merged).toContain('Rijk.')
  for (const user of [rijk, provincie]) user.assertNoProblems()
}, 120_000)
