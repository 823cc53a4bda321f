// Two people type into the same section at the same time: each sees the other's text and the
// other's caret, labelled with the name and organisation colour the server stamps from the login.
// And someone who keeps typing still sees the other's text come in, not only once they pause (the page
// holds others' changes until just after the frame of the next keystroke: client/src/collab/remotePacing.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  caretToEnd,
  editorOf,
  editorText,
  SaveStatus,
  sectionIds,
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

  const RIJK_NAME = 'Anne de Vries'
  const PROVINCIE_NAME = 'Bram Jansen'

  it('shows each user the other one’s text and named caret', async () => {
    const { rijk, provincie } = users
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

    // The remote caret sits in that section's editor and carries the name the server gave it (from the
    // login session, whatever the client claims), in the organisation kind's colour.
    const caretLabel = (page: typeof rijk.page, name: string) =>
      editorOf(page, sectionId).locator('.collaboration-carets__caret .collaboration-carets__label', { hasText: name })
    for (const [page, name] of [
      [provincie.page, RIJK_NAME],
      [rijk.page, PROVINCIE_NAME],
    ] as const) {
      await caretLabel(page, name)
        .waitFor({ state: 'attached', timeout: 15_000 })
        .catch(async (error: Error) => {
          const shown = await page.locator('.collaboration-carets__label').allTextContents()
          throw new Error(`no caret labelled "${name}"; caret labels shown: ${JSON.stringify(shown)}`, { cause: error })
        })
    }
    expect(await caretLabel(provincie.page, RIJK_NAME).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(21, 66, 115)',
    )
    expect(await caretLabel(rijk.page, PROVINCIE_NAME).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(163, 0, 125)',
    )
    // No caret for oneself.
    expect(await caretLabel(rijk.page, RIJK_NAME).count()).toBe(0)
    expect(await caretLabel(provincie.page, PROVINCIE_NAME).count()).toBe(0)
    // The presence list names the other person with their organisation.
    await waitFor(
      async () =>
        (await rijk.page.locator('[data-testid="presence"]').textContent())?.includes(
          `${PROVINCIE_NAME}, Provincie Noord-Brabant`,
        ),
      { message: 'presence list with the provincial author' },
    )

    // Both edits are acknowledged by the server.
    await waitForSaveStatus(rijk.page, SaveStatus.saved)
    await waitForSaveStatus(provincie.page, SaveStatus.saved)

    rijk.assertNoProblems()
    provincie.assertNoProblems()
  })

  it('shows the other one’s text while one keeps typing', async () => {
    const { rijk, provincie } = users
    const ids = await sectionIds(rijk.page)
    const mine = ids[2]!
    const theirs = ids[3]!
    const typed = ' Het Rijk blijft typen terwijl de provincie schrijft.'
    await editorOf(rijk.page, mine).click()
    await caretToEnd(rijk.page, mine)
    // 52 keys at 10 a second: about five seconds of typing without a pause.
    let typingDone = false
    const typing = rijk.page.keyboard.type(typed, { delay: 100 }).then(() => {
      typingDone = true
    })
    await new Promise((resolve) => setTimeout(resolve, 800))
    await typeAtEnd(provincie.page, theirs, ' Provincie schrijft mee.')
    await waitFor(async () => (await editorText(rijk.page, theirs)).includes('Provincie schrijft mee.'), {
      timeout: 10_000,
      interval: 50,
      message: 'the provincial text on the typing Rijk page',
    })
    expect(typingDone, 'the other text showed only once the typing had stopped').toBe(false)
    await typing

    // Nothing lost on either side: both texts everywhere, and saved.
    expect(await waitForSameText([rijk.page, provincie.page], theirs)).toMatch(/ Provincie schrijft mee\.$/)
    expect(await waitForSameText([rijk.page, provincie.page], mine)).toMatch(
      / Het Rijk blijft typen terwijl de provincie schrijft\.$/,
    )
    await waitForSaveStatus(rijk.page, SaveStatus.saved)
    await waitForSaveStatus(provincie.page, SaveStatus.saved)
    rijk.assertNoProblems()
    provincie.assertNoProblems()
  })
})
