// Two people change one table at the same time. Whatever the merge leaves, every page shows what the
// server stores, and no cell is made twice: a table is repaired only after a change on the page that
// repairs the section's tables (editor/localTableFixes.ts). Before, a page padded rows after a remote
// change without writing it (it showed cells the server never got), and 8 columns and 8 rows added at
// once by two people gave 23 columns instead of 11 (prosemirror-tables#249). A table left short is
// mended by the next change someone alone in the section makes in it.
import { getSection, type SectionId } from '@novex/shared'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { caretToEnd, editorOf, SaveStatus, sectionIds, sectionLocator, waitForSaveStatus } from '../helpers/browser.ts'
import { readCommitted } from '../helpers/storage.ts'
import { NETWORK_NOISE, useTwoUsers } from './twoUsers.ts'

const twoUsers = useTwoUsers()

/** Cells per row of the section's first table, on a page. */
function rowLengths(page: Page, sectionId: string): Promise<number[]> {
  return editorOf(page, sectionId).evaluate((editor) =>
    Array.from(editor.querySelector('table')?.rows ?? []).map((row) => row.cells.length),
  )
}

/** Cells per row of the section's first table, as the server stored it. */
function storedRowLengths(sectionId: string): number[] {
  const section = getSection(
    readCommitted(twoUsers().server.dataDir, twoUsers().documentId).doc,
    sectionId as SectionId,
  )
  const table = section?.content.toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'table')
  return table instanceof Y.XmlElement
    ? table.toArray().map((row) => (row instanceof Y.XmlElement ? row.length : 0))
    : []
}

const button = (page: Page, sectionId: string, id: string) => sectionLocator(page, sectionId).getByTestId(`table-${id}`)

/** A new 3×3 table at the end of the section, typed into by the Rijk author and seen by the other. */
async function newTable(sectionId: string): Promise<void> {
  const { rijk, provincie } = twoUsers()
  await editorOf(rijk.page, sectionId).click()
  await caretToEnd(rijk.page, sectionId)
  await rijk.page.keyboard.press('Enter')
  await button(rijk.page, sectionId, 'insert').click()
  await rijk.page.keyboard.type('Opgave')
  // Typed at once after the click, into the header cell the new table put the caret in.
  expect(await editorOf(rijk.page, sectionId).locator('th').first().textContent()).toBe('Opgave')
  await waitForSaveStatus(rijk.page, SaveStatus.saved)
  await expect.poll(() => rowLengths(provincie.page, sectionId)).toEqual([3, 3, 3])
}

/** Both pages saved, both show what the server stored, and still do a while later; returns it. */
async function settled(sectionId: string): Promise<number[]> {
  const { rijk, provincie } = twoUsers()
  for (const user of [rijk, provincie]) await waitForSaveStatus(user.page, SaveStatus.saved, 30_000)
  await new Promise((resolve) => setTimeout(resolve, 1_500))
  const stored = storedRowLengths(sectionId)
  for (const user of [rijk, provincie]) expect(await rowLengths(user.page, sectionId)).toEqual(stored)
  return stored
}

/** The provincial author leaves for another section; the Rijk author types in the table's last row. */
async function mendAlone(sectionId: string, otherSectionId: string): Promise<void> {
  const { rijk, provincie } = twoUsers()
  await editorOf(provincie.page, otherSectionId).click()
  await editorOf(rijk.page, sectionId).locator('tr').last().locator('td').first().click()
  await rijk.page.keyboard.type('Water')
}

it('adds columns on one page and rows on the other at once: every cell once, the same everywhere', async () => {
  const { rijk, provincie } = twoUsers()
  const [other = '', , , , , , sectionId = ''] = await sectionIds(rijk.page)
  await newTable(sectionId)
  await editorOf(provincie.page, sectionId).locator('tr').last().locator('td').last().click()
  await editorOf(rijk.page, sectionId).locator('tr').last().locator('td').last().click()
  const press = async (page: Page, id: string) => {
    for (let i = 0; i < 8; i++) await button(page, sectionId, id).click()
  }
  await Promise.all([press(rijk.page, 'columnAfter'), press(provincie.page, 'rowAfter')])
  const merged = await settled(sectionId)
  expect(merged).toHaveLength(11)
  // No row has a cell nobody added (at most 3 + 8 columns); some may be short.
  expect(Math.max(...merged)).toBe(11)

  await mendAlone(sectionId, other)
  await expect.poll(() => rowLengths(rijk.page, sectionId)).toEqual(new Array(11).fill(11))
  expect(await settled(sectionId)).toEqual(new Array(11).fill(11))
  for (const user of [rijk, provincie]) user.assertNoProblems(NETWORK_NOISE)
}, 180_000)

it('merges a table changed offline on one page and online on the other, and mends it', async () => {
  const { rijk, provincie } = twoUsers()
  const [other = '', , , , , , , sectionId = ''] = await sectionIds(rijk.page)
  await newTable(sectionId)

  await twoUsers().goOffline(provincie)
  await editorOf(provincie.page, sectionId).locator('tr').last().locator('td').first().click()
  await button(provincie.page, sectionId, 'rowAfter').click()
  expect(await rowLengths(provincie.page, sectionId)).toEqual([3, 3, 3, 3])
  await editorOf(rijk.page, sectionId).locator('th', { hasText: 'Opgave' }).click()
  await button(rijk.page, sectionId, 'columnAfter').click()
  await waitForSaveStatus(rijk.page, SaveStatus.saved)
  expect(await rowLengths(rijk.page, sectionId)).toEqual([4, 4, 4])

  await twoUsers().goOnline(provincie)
  // The offline row has the three cells its page knew of; nobody pads it behind the other's back.
  expect(await settled(sectionId)).toEqual([4, 4, 4, 3])

  await mendAlone(sectionId, other)
  await expect.poll(() => rowLengths(rijk.page, sectionId)).toEqual([4, 4, 4, 4])
  expect(await settled(sectionId)).toEqual([4, 4, 4, 4])
  for (const user of [rijk, provincie]) user.assertNoProblems(NETWORK_NOISE)
}, 180_000)
