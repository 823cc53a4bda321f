// A long section title is read whole: the title field wraps onto more lines instead of cutting the
// title off with "…" (an <input> did, at 1280 px already: "Gezamenlijk beeld van ruimtelijke keuzes om
// het ontwikkelpe…"), for the one who types it and for the one who sees it arrive. A title stays one
// line of text: a pasted line break becomes a space, and Enter continues in the section's text. A web
// address as a title breaks inside itself instead of widening every section off a phone's screen, and a
// locked title says why typing in it does nothing.
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SaveStatus, sectionIds, titleInputOf, waitForSaveStatus } from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { signForBothSides } from './signSection.ts'
import { openTwoUsers, type TwoUsers } from './twoUsers.ts'

const ADDRESS_TITLE =
  'Zie https://www.rijksoverheid.nl/onderwerpen/ruimtelijke-ordening-en-gebiedsontwikkeling/novex-gebieden'
const LONG_TITLE =
  'Gezamenlijk beeld van ruimtelijke keuzes om het ontwikkelperspectief te realiseren, met de gemeenten, het waterschap en de netbeheerders'

/** The field shows all of its value: nothing hidden to the side or below. */
async function showsWhole(field: Locator): Promise<boolean> {
  return field.evaluate(
    (el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1 && el.clientHeight > 0,
  )
}

async function lineCount(field: Locator): Promise<number> {
  return field.evaluate((el) => Math.round(el.clientHeight / Number.parseFloat(getComputedStyle(el).lineHeight)))
}

describe('a long section title', () => {
  let users: TwoUsers
  let sectionId = ''

  beforeAll(async () => {
    users = await openTwoUsers()
    sectionId = (await sectionIds(users.rijk.page))[2] ?? ''
  })

  afterAll(async () => {
    await users?.close()
  })

  it('wraps and is shown whole, for the one who types it and for the other', async () => {
    const { rijk, provincie } = users
    const mine = titleInputOf(rijk.page, sectionId)
    await mine.fill(LONG_TITLE)
    await waitForSaveStatus(rijk.page, SaveStatus.saved)
    const theirs = titleInputOf(provincie.page, sectionId)
    await waitFor(async () => (await theirs.inputValue()) === LONG_TITLE, { message: 'the title on the other page' })
    for (const field of [mine, theirs]) {
      expect(await lineCount(field)).toBeGreaterThanOrEqual(2)
      expect(await showsWhole(field)).toBe(true)
    }
    rijk.assertNoProblems()
    provincie.assertNoProblems()
  })

  it('stays one line: a pasted line break becomes a space, Enter goes on in the text', async () => {
    const { rijk, provincie } = users
    const field = titleInputOf(rijk.page, sectionId)
    await field.fill('')
    await field.focus()
    // A paste as the browser does it: text with a line break, inserted at the caret.
    await rijk.page.keyboard.insertText('Samenhang met\nlopende plannen')
    expect(await field.inputValue()).toBe('Samenhang met lopende plannen')
    await rijk.page.keyboard.press('Shift+Enter')
    expect(await field.inputValue()).toBe('Samenhang met lopende plannen')
    await rijk.page.keyboard.press('Enter')
    const focusedIn = await rijk.page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))
    expect(focusedIn).toBe(true)
    await waitFor(
      async () => (await titleInputOf(provincie.page, sectionId).inputValue()) === 'Samenhang met lopende plannen',
      { message: 'the one-line title on the other page' },
    )
    rijk.assertNoProblems()
    provincie.assertNoProblems()
  })

  it('breaks a web address inside itself: at 390 px no section grows wider than the screen', async () => {
    const { rijk, provincie } = users
    await provincie.page.setViewportSize({ width: 390, height: 844 })
    const field = titleInputOf(rijk.page, sectionId)
    await field.fill(ADDRESS_TITLE)
    await waitForSaveStatus(rijk.page, SaveStatus.saved)
    const theirs = titleInputOf(provincie.page, sectionId)
    await waitFor(async () => (await theirs.inputValue()) === ADDRESS_TITLE, { message: 'the address title at 390 px' })
    expect(await showsWhole(theirs)).toBe(true)
    const widths = await provincie.page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      screen: window.innerWidth,
      widest: Math.max(...Array.from(document.querySelectorAll('[data-testid="section"]'), (s) => s.scrollWidth)),
    }))
    expect(widths.page).toBeLessThanOrEqual(widths.screen)
    expect(widths.widest).toBeLessThanOrEqual(widths.screen)
    await provincie.page.setViewportSize({ width: 1280, height: 800 })
    rijk.assertNoProblems()
    provincie.assertNoProblems()
  })

  it('says why a locked title does not change when someone types in it', async () => {
    const { rijk, server, documentId } = users
    const field = titleInputOf(rijk.page, sectionId)
    const before = await field.inputValue()
    await signForBothSides(server, documentId, sectionId)
    await waitFor(async () => !(await field.isEditable()), { message: 'the title turning read-only' })
    const hint = rijk.page.locator(`[data-section-id="${sectionId}"] [data-testid="title-readonly-hint"]`)
    expect(await hint.getAttribute('role')).toBe('status')
    expect(await hint.textContent()).toBe('')
    await field.focus()
    await rijk.page.keyboard.type('XYZ')
    await waitFor(async () => (await hint.textContent()) !== '', { message: 'the hint under the locked title' })
    expect(await hint.textContent()).toBe('Deze sectie is ondertekend en vergrendeld: de titel kan niet veranderen.')
    expect(await field.getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'))
    expect(await field.inputValue()).toBe(before)
    // Leaving the field ends the message.
    await rijk.page.keyboard.press('Shift+Tab')
    await waitFor(async () => (await hint.textContent()) === '', { message: 'the hint gone after leaving the title' })
    rijk.assertNoProblems()
  })
})
