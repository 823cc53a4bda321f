// Reordering and deleting sections with two users on the page: a move (by button or by keyboard)
// shows up for the other user in the same order, and deleting a required section is refused with
// an explanation while a free section can be deleted.
import { REQUIRED_SECTION_DELETE_REASON } from '@novex/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  editorOf,
  SaveStatus,
  sectionButton,
  sectionIds,
  sectionLocator,
  sectionTitles,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { openTwoUsers, type TwoUsers } from './twoUsers.ts'

/** `ids` with the items at `i` and `j` swapped. */
function swapped(ids: readonly string[], i: number, j: number): string[] {
  const out = [...ids]
  const a = out[i]!
  out[i] = out[j]!
  out[j] = a
  return out
}

async function waitForOrder(page: Page, expected: readonly string[], who: string): Promise<void> {
  let last: string[] = []
  try {
    await waitFor(
      async () => {
        last = await sectionIds(page)
        return JSON.stringify(last) === JSON.stringify(expected)
      },
      { timeout: 15_000, message: `section order on ${who}'s page` },
    )
  } catch (error) {
    throw new Error(`${(error as Error).message}\nexpected ${expected.join(',')}\n     got ${last.join(',')}`)
  }
}

describe('moving and deleting sections', () => {
  let users: TwoUsers

  beforeAll(async () => {
    users = await openTwoUsers()
  })

  afterAll(async () => {
    await users?.close()
  })

  it('moves a section with its buttons and the other user sees the new order', async () => {
    const { rijk, provincie } = users
    const start = await sectionIds(rijk.page)
    expect(start.length).toBeGreaterThanOrEqual(8)
    expect(await sectionIds(provincie.page)).toEqual(start)
    const titlesBefore = await sectionTitles(provincie.page)

    // First section one place down.
    await sectionButton(rijk.page, start[0]!, 'move-down').click()
    const afterDown = swapped(start, 0, 1)
    await waitForOrder(rijk.page, afterDown, 'the mover')
    await waitForOrder(provincie.page, afterDown, 'the other user')
    // The titles travel with their sections.
    expect(await sectionTitles(provincie.page)).toEqual(swapped(titlesBefore, 0, 1))

    // The last section one place up, moved by the other user this time.
    const last = afterDown.length - 1
    await sectionButton(provincie.page, afterDown[last]!, 'move-up').click()
    const afterUp = swapped(afterDown, last - 1, last)
    await waitForOrder(provincie.page, afterUp, 'the mover')
    await waitForOrder(rijk.page, afterUp, 'the other user')

    await waitForSaveStatus(rijk.page, SaveStatus.saved)
    await waitForSaveStatus(provincie.page, SaveStatus.saved)
  })

  it('moves a section with Alt+Shift+ArrowUp/ArrowDown and the other user sees the new order', async () => {
    const { rijk, provincie } = users
    const start = await sectionIds(rijk.page)
    await waitForOrder(provincie.page, start, 'the other user')

    // Caret in the third section's text, then Alt+Shift+ArrowUp: it becomes the second.
    const moved = start[2]!
    await editorOf(rijk.page, moved).click()
    await rijk.page.keyboard.press('Alt+Shift+ArrowUp')
    const afterUp = swapped(start, 1, 2)
    await waitForOrder(rijk.page, afterUp, 'the mover')
    await waitForOrder(provincie.page, afterUp, 'the other user')

    // Keyboard focus stays in the moved section, so pressing twice more moves it on down.
    await rijk.page.keyboard.press('Alt+Shift+ArrowDown')
    await waitForOrder(rijk.page, start, 'the mover (back down)')
    await rijk.page.keyboard.press('Alt+Shift+ArrowDown')
    const afterDown = swapped(start, 2, 3)
    await waitForOrder(rijk.page, afterDown, 'the mover (down again)')
    await waitForOrder(provincie.page, afterDown, 'the other user')

    // The section title field takes the same shortcut.
    await sectionLocator(provincie.page, afterDown[5]!).locator('[data-testid="section-title"]').first().click()
    await provincie.page.keyboard.press('Alt+Shift+ArrowUp')
    const afterTitleMove = swapped(afterDown, 4, 5)
    await waitForOrder(provincie.page, afterTitleMove, 'the mover')
    await waitForOrder(rijk.page, afterTitleMove, 'the other user')
  })

  it('refuses to delete a required section and explains why, but deletes a free one', async () => {
    const { rijk, provincie } = users
    const start = await sectionIds(rijk.page)
    await waitForOrder(provincie.page, start, 'the other user')
    const required = start[0]!

    // A required section: the delete is refused with a visible explanation and the section stays.
    const deleteButton = sectionButton(rijk.page, required, 'delete-section')
    // A bin, drawn disabled: not the padlock, which means a signed, locked section ("Vergrendeld").
    expect(await deleteButton.locator('svg.icon-trash').count()).toBe(1)
    expect(await deleteButton.locator('svg.icon-lock').count()).toBe(0)
    // The explanation is announced (role=alert) inside that section; before the attempt it exists
    // only as the button's hidden description, so a visible alert proves the attempt was answered.
    const explanation = sectionLocator(rijk.page, required).getByRole('alert')
    expect(await explanation.count()).toBe(0)
    // `force`: the button is aria-disabled for required sections, yet a click must be answered.
    await deleteButton.click({ force: true })
    await explanation.waitFor({ state: 'visible', timeout: 10_000 })
    expect(await explanation.textContent()).toContain(REQUIRED_SECTION_DELETE_REASON)
    // Give a (wrong) delete every chance to travel: a full save round-trip on the deleting side.
    await waitForSaveStatus(rijk.page, SaveStatus.saved)
    expect(await sectionIds(rijk.page)).toEqual(start)
    expect(await sectionIds(provincie.page)).toEqual(start)

    // Control: a new free section can be deleted, and the deletion reaches the other user.
    await rijk.page.locator('[data-testid="add-section"]').first().click()
    const added = await waitFor(
      async () => {
        const now = await sectionIds(rijk.page)
        return now.length === start.length + 1 ? now.find((id) => !start.includes(id)) : undefined
      },
      { message: 'a new section on the adding side' },
    )
    await waitFor(async () => (await sectionIds(provincie.page)).includes(added), {
      timeout: 15_000,
      message: 'the new section on the other side',
    })
    rijk.page.once('dialog', (dialog) => void dialog.accept())
    await sectionButton(rijk.page, added, 'delete-section').click()
    await waitForOrder(rijk.page, start, 'the deleter')
    await waitForOrder(provincie.page, start, 'the other user')
    await waitForSaveStatus(rijk.page, SaveStatus.saved)

    rijk.assertNoProblems()
    provincie.assertNoProblems()
  })
})
