// Text that arrives through composition: a dead key (´ then e, as on the US-International layout many
// Dutch users type ë and é with) and an input method (for names in other scripts). Chromium's DevTools
// protocol drives the same composition events an operating system's keyboard would
// (Input.imeSetComposition, then Input.insertText to commit). Each composed text must land once, be
// saved, reach the other person once, and survive a reload; in signed-off text it must change nothing.
import { expect, it } from 'vitest'
import {
  caretToEnd,
  closeWithoutProblems,
  editorOf,
  editorText,
  newUserContext,
  openDocument,
  SaveStatus,
  sectionIds,
  waitForSameText,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { signedHashOf, signForBothSides } from './signSection.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'
import { writerAndReader } from './support/writerAndReader.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const running = useServerAndBrowser()

it('types a dead-key accent and an input method’s text once each, saved, for everyone, after a reload too', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const sectionId = (await sectionIds(page))[2] ?? ''
  const before = await editorText(page, sectionId)
  await editorOf(page, sectionId).focus()
  await caretToEnd(page, sectionId)
  const keyboard = await page.context().newCDPSession(page)
  // ´ then e: the accent is composed, then replaced by é.
  await keyboard.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 })
  await keyboard.send('Input.insertText', { text: 'é' })
  // An input method: the reading grows while typed, then the chosen characters replace it.
  await keyboard.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 })
  await keyboard.send('Input.imeSetComposition', { text: 'nih', selectionStart: 3, selectionEnd: 3 })
  await keyboard.send('Input.insertText', { text: '日本' })
  await page.keyboard.type(' klaar')
  const expected = `${before}é日本 klaar`
  await expect.poll(() => editorText(page, sectionId)).toBe(expected)
  await waitForSaveStatus(page, SaveStatus.saved)
  expect(await waitForSameText([page, reader.page], sectionId)).toBe(expected)
  await page.reload()
  await editorOf(page, sectionId).waitFor()
  await expect.poll(() => editorText(page, sectionId)).toBe(expected)
  await closeWithoutProblems(writer, reader)
}, 120_000)

it('changes nothing in signed-off text when a composition is typed into it', async () => {
  const user = await newUserContext(running.browser(), running.server().httpUrl)
  const page = user.page
  await openDocument(page, DE_PEEL)
  const lockedId = (await sectionIds(page))[3] ?? ''
  await signForBothSides(running.server(), DE_PEEL, lockedId)
  await expect.poll(() => editorOf(page, lockedId).getAttribute('aria-readonly')).toBe('true')
  const hash = () => signedHashOf(page, DE_PEEL, lockedId)
  const hashBefore = await hash()
  const before = await editorText(page, lockedId)
  await editorOf(page, lockedId).focus()
  await caretToEnd(page, lockedId)
  const keyboard = await page.context().newCDPSession(page)
  await keyboard.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 })
  expect(await editorText(page, lockedId)).toBe(before)
  await keyboard.send('Input.insertText', { text: 'é' })
  await page.keyboard.type('abc')
  // Give a change that slipped through the time to reach the server and come back.
  await waitForSaveStatus(page, SaveStatus.saved)
  expect(await editorText(page, lockedId)).toBe(before)
  await page.reload()
  await expect.poll(() => editorOf(page, lockedId).getAttribute('aria-readonly')).toBe('true')
  expect(await editorText(page, lockedId)).toBe(before)
  expect(await hash()).toEqual(hashBefore)
  expect(hashBefore?.verified).toBe(true)
  await closeWithoutProblems(user)
}, 120_000)
