// A long section title is read whole: the title field wraps onto more lines instead of cutting the
// title off with "…" (an <input> did, at 1280 px already: "Gezamenlijk beeld van ruimtelijke keuzes om
// het ontwikkelpe…"), for the one who types it and for the one who sees it arrive. A title stays one
// line of text: a pasted line break becomes a space, and Enter continues in the section's text.
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SaveStatus, sectionIds, titleInputOf, waitForSaveStatus } from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { openTwoUsers, type TwoUsers } from './twoUsers.ts'

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
})
