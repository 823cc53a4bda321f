// Two people type into the same section at the same time: each sees the other's text and the
// other's caret, labelled with the name they chose in the name field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  editorOf,
  editorText,
  SaveStatus,
  sectionIds,
  setUserName,
  typeAtEnd,
  typeAtStart,
  waitForSameText,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { openTwoUsers, type TwoUsers } from './twoUsers.ts'

describe('two users editing the same section', () => {
  let users: TwoUsers

  beforeAll(async () => {
    users = await openTwoUsers()
  })

  afterAll(async () => {
    await users?.close()
  })

  it('shows each user the other one’s text and named caret', async () => {
    const { rijk, provincie } = users
    await setUserName(rijk.page, 'Anna Rijksen')
    await setUserName(provincie.page, 'Bram Brabander')

    const ids = await sectionIds(rijk.page)
    expect(ids.length).toBeGreaterThanOrEqual(8)
    expect(await sectionIds(provincie.page)).toEqual(ids)
    const sectionId = ids[0]!
    const before = await editorText(rijk.page, sectionId)
    expect(await editorText(provincie.page, sectionId)).toBe(before)

    // Both type at the same time into the same section: one at its end, the other at its start (at
    // one and the same spot, remote text could legitimately land between one's own keystrokes).
    await Promise.all([
      typeAtEnd(rijk.page, sectionId, ' Alfa schrijft hier.'),
      typeAtStart(provincie.page, sectionId, 'Bravo schrijft daar. '),
    ])

    for (const user of [rijk, provincie]) {
      await waitFor(
        async () => {
          const text = await editorText(user.page, sectionId)
          return text.includes('Alfa schrijft hier.') && text.includes('Bravo schrijft daar.')
        },
        { timeout: 15_000, message: `both texts in ${user.email}'s editor` },
      )
    }
    // Converged: the same text on both sides, and nothing of the original lost.
    const merged = await waitForSameText([rijk.page, provincie.page], sectionId)
    expect(merged, JSON.stringify(merged)).toMatch(/^Bravo schrijft daar\. /)
    expect(merged, JSON.stringify(merged)).toMatch(/ Alfa schrijft hier\.$/)
    expect(merged).toContain(before.trim())

    // The remote caret sits in that section's editor and carries the chosen name.
    const caretLabel = (page: typeof rijk.page, name: string) =>
      editorOf(page, sectionId).locator('.collaboration-carets__caret .collaboration-carets__label', { hasText: name })
    for (const [page, name] of [
      [provincie.page, 'Anna Rijksen'],
      [rijk.page, 'Bram Brabander'],
    ] as const) {
      await caretLabel(page, name)
        .waitFor({ state: 'attached', timeout: 15_000 })
        .catch(async (error: Error) => {
          const shown = await page.locator('.collaboration-carets__label').allTextContents()
          throw new Error(`no caret labelled "${name}"; caret labels shown: ${JSON.stringify(shown)}`, { cause: error })
        })
    }
    // No caret for oneself.
    expect(await caretLabel(rijk.page, 'Anna Rijksen').count()).toBe(0)
    expect(await caretLabel(provincie.page, 'Bram Brabander').count()).toBe(0)

    // Both edits are acknowledged by the server, and the name survives in localStorage.
    await waitForSaveStatus(rijk.page, SaveStatus.saved)
    await waitForSaveStatus(provincie.page, SaveStatus.saved)
    const storedNames = await rijk.page.evaluate(() => Object.values({ ...localStorage }))
    expect(storedNames.some((value) => value.includes('Anna Rijksen'))).toBe(true)

    rijk.assertNoProblems()
    provincie.assertNoProblems()
  })
})
