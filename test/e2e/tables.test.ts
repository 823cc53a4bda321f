// Tables in a section, as in a word processor: "Tabel invoegen" puts a three-by-three table with a
// header row where the cursor is; Tab goes from cell to cell and adds a row after the last cell; the
// table toolbar adds and removes rows and columns and switches the header row; everything is saved,
// reaches the other author as the same table and survives a reload. The table toolbar is a keyboard
// toolbar (arrow keys, Home, End) and passes an axe check.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import {
  caretToEnd,
  closeWithoutProblems,
  editorOf,
  SaveStatus,
  sectionIds,
  sectionLocator,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { expectAccessible } from './support/axe.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'
import { writerAndReader } from './support/writerAndReader.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const running = useServerAndBrowser()

/** The section's tables, each as rows of "th:text" / "td:text" cells ("th*2:text" spans two columns). */
function tablesOf(page: Page, sectionId: string): Promise<string[][][]> {
  return editorOf(page, sectionId).evaluate((editor) =>
    Array.from(editor.querySelectorAll('table')).map((table) =>
      Array.from(table.rows).map((row) =>
        Array.from(row.cells).map(
          (cell) =>
            `${cell.tagName.toLowerCase()}${cell.colSpan > 1 ? `*${cell.colSpan}` : ''}:${cell.textContent ?? ''}`,
        ),
      ),
    ),
  )
}

it('inserts a table, fills it with Tab, changes rows, columns and the header row, and shares and keeps it', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const sectionId = (await sectionIds(page))[3] ?? ''
  const section = sectionLocator(page, sectionId)
  const button = (id: string) => section.getByTestId(`table-${id}`)
  await editorOf(page, sectionId).click()
  await caretToEnd(page, sectionId)
  await page.keyboard.press('Enter')

  // Outside a table the toolbar only offers a new one.
  expect(await section.getByTestId('table-toolbar').getByRole('button').allTextContents()).toEqual(['Tabel invoegen'])
  await button('insert').click()
  await expect
    .poll(() => tablesOf(page, sectionId))
    .toEqual([
      [
        ['th:', 'th:', 'th:'],
        ['td:', 'td:', 'td:'],
        ['td:', 'td:', 'td:'],
      ],
    ])
  // The cursor is in the first cell; Tab goes on, and Tab in the last cell adds a row.
  const cells = ['Opgave', 'Doel', 'Jaar', 'Stikstof', '−40 %', '2030', 'Verdroging', 'stoppen', '2027', 'Wonen']
  for (const [index, text] of cells.entries()) {
    if (index > 0) await page.keyboard.press('Tab')
    await page.keyboard.type(text)
  }
  const filled = [
    ['th:Opgave', 'th:Doel', 'th:Jaar'],
    ['td:Stikstof', 'td:−40 %', 'td:2030'],
    ['td:Verdroging', 'td:stoppen', 'td:2027'],
    ['td:Wonen', 'td:', 'td:'],
  ]
  await expect.poll(() => tablesOf(page, sectionId)).toEqual([filled])

  // In a table the toolbar edits it; the header row is on.
  expect(await section.getByTestId('table-toolbar').getByRole('button').allTextContents()).toEqual([
    'Rij erboven',
    'Rij eronder',
    'Kolom links',
    'Kolom rechts',
    'Rij verwijderen',
    'Kolom verwijderen',
    'Kopregel',
    'Cellen samenvoegen',
    'Cel splitsen',
    'Tabel verwijderen',
  ])
  expect(await button('headerRow').getAttribute('aria-pressed')).toBe('true')
  await expectAccessible(
    page,
    'the table and its toolbar',
    `[data-section-id="${sectionId}"] [data-testid="section-content"]`,
  )

  // The cursor is in "Wonen": a column to its right (the cursor stays, Tab goes into the new column),
  // then that column and the row "Wonen" removed.
  await button('columnAfter').click()
  await page.keyboard.press('Tab')
  await page.keyboard.type('Bron')
  await expect
    .poll(() => tablesOf(page, sectionId))
    .toEqual([
      [
        ['th:Opgave', 'th:', 'th:Doel', 'th:Jaar'],
        ['td:Stikstof', 'td:', 'td:−40 %', 'td:2030'],
        ['td:Verdroging', 'td:', 'td:stoppen', 'td:2027'],
        ['td:Wonen', 'td:Bron', 'td:', 'td:'],
      ],
    ])
  await button('deleteColumn').click()
  await button('deleteRow').click()
  await expect.poll(() => tablesOf(page, sectionId)).toEqual([filled.slice(0, 3)])

  // The header row off and on again, from the keyboard: the arrow keys move within the toolbar.
  await button('rowBefore').focus()
  await page.keyboard.press('End')
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('table-deleteTable')
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft')
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('table-headerRow')
  await page.keyboard.press('Enter')
  await expect.poll(() => button('headerRow').getAttribute('aria-pressed')).toBe('false')
  await expect.poll(async () => (await tablesOf(page, sectionId))[0]?.[0]?.[0]).toBe('td:Opgave')
  await button('headerRow').click()
  await expect.poll(() => tablesOf(page, sectionId)).toEqual([filled.slice(0, 3)])

  await waitForSaveStatus(page, SaveStatus.saved)
  await expect.poll(() => tablesOf(reader.page, sectionId)).toEqual([filled.slice(0, 3)])
  // The reader may edit too, and its table toolbar follows its own cursor.
  await editorOf(reader.page, sectionId).locator('td', { hasText: 'Verdroging' }).click()
  await reader.page.keyboard.press('End')
  await reader.page.keyboard.type(' hoge zandgronden')
  await sectionLocator(reader.page, sectionId).getByTestId('table-rowAfter').click()
  await editorOf(reader.page, sectionId).locator('tr').last().locator('td').first().click()
  await reader.page.keyboard.type('Energie')
  const shared = [...filled.slice(0, 3), ['td:Energie', 'td:', 'td:']]
  shared[2] = ['td:Verdroging hoge zandgronden', 'td:stoppen', 'td:2027']
  await expect.poll(() => tablesOf(page, sectionId)).toEqual([shared])
  await waitForSaveStatus(reader.page, SaveStatus.saved)

  await page.reload()
  await editorOf(page, sectionId).waitFor()
  await expect.poll(() => tablesOf(page, sectionId)).toEqual([shared])

  // Removing the table leaves the text around it.
  await editorOf(page, sectionId).locator('td', { hasText: 'Energie' }).click()
  await section.getByTestId('table-deleteTable').click()
  await expect.poll(() => tablesOf(page, sectionId)).toEqual([])
  await expect.poll(() => tablesOf(reader.page, sectionId)).toEqual([])
  await waitForSaveStatus(page, SaveStatus.saved)
  // The server took every change: none was refused (a refusal is undone on the page and easy to miss).
  expect(running.server().logs.filter((line) => line.includes('"update refused"'))).toEqual([])
  await closeWithoutProblems(writer, reader)
}, 180_000)

it('merges selected cells into one and splits it again, for everyone', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const sectionId = (await sectionIds(page))[5] ?? ''
  const section = sectionLocator(page, sectionId)
  await editorOf(page, sectionId).click()
  await caretToEnd(page, sectionId)
  await page.keyboard.press('Enter')
  await section.getByTestId('table-insert').click()
  for (const [index, text] of ['Opgave', 'Rijk', 'Provincie'].entries()) {
    if (index > 0) await page.keyboard.press('Tab')
    await page.keyboard.type(text)
  }
  // Nothing to merge with the cursor in one cell.
  expect(await section.getByTestId('table-mergeCells').getAttribute('aria-disabled')).toBe('true')
  // "Rijk" and "Provincie" selected with Shift and the arrow key, as a keyboard user would.
  await editorOf(page, sectionId).locator('th', { hasText: 'Rijk' }).click()
  await page.keyboard.press('End')
  await page.keyboard.press('Shift+ArrowRight')
  await expect.poll(() => section.getByTestId('table-mergeCells').getAttribute('aria-disabled')).toBeNull()
  await section.getByTestId('table-mergeCells').click()
  const merged = [
    ['th:Opgave', 'th*2:RijkProvincie'],
    ['td:', 'td:', 'td:'],
    ['td:', 'td:', 'td:'],
  ]
  await expect.poll(() => tablesOf(page, sectionId)).toEqual([merged])
  await expect.poll(() => tablesOf(reader.page, sectionId)).toEqual([merged])

  await section.getByTestId('table-splitCell').click()
  const split = [
    ['th:Opgave', 'th:RijkProvincie', 'th:'],
    ['td:', 'td:', 'td:'],
    ['td:', 'td:', 'td:'],
  ]
  await expect.poll(() => tablesOf(page, sectionId)).toEqual([split])
  await expect.poll(() => tablesOf(reader.page, sectionId)).toEqual([split])
  await waitForSaveStatus(page, SaveStatus.saved)
  // The server took every change: none was refused (a refusal is undone on the page and easy to miss).
  expect(running.server().logs.filter((line) => line.includes('"update refused"'))).toEqual([])
  await closeWithoutProblems(writer, reader)
}, 120_000)

it('reaches the table toolbar from a cell with Alt+F10 and acts on the row of that cell; Escape goes back', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const sectionId = (await sectionIds(page))[4] ?? ''
  const editor = editorOf(page, sectionId)
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
  await editor.click()
  await caretToEnd(page, sectionId)
  await page.keyboard.press('Enter')
  await sectionLocator(page, sectionId).getByTestId('table-insert').click()
  for (const [index, text] of ['Doel', 'Jaar', 'Bron', 'Stikstof', '2030', 'RIVM', 'Water', '2027', 'KNMI'].entries()) {
    if (index > 0) await page.keyboard.press('Tab')
    await page.keyboard.type(text)
  }
  expect(await editor.getAttribute('aria-keyshortcuts')).toBe('Alt+F10')

  // In the middle row: Alt+F10, to "Rij verwijderen" with the arrow keys, Enter. That row goes.
  await editor.locator('td', { hasText: 'Stikstof' }).click()
  await page.keyboard.press('Alt+F10')
  await expect.poll(focused).toMatch(/^table-/)
  await page.keyboard.press('Home')
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight')
  expect(await focused()).toBe('table-deleteRow')
  await page.keyboard.press('Enter')
  const left = [
    ['th:Doel', 'th:Jaar', 'th:Bron'],
    ['td:Water', 'td:2027', 'td:KNMI'],
  ]
  await expect.poll(() => tablesOf(page, sectionId)).toEqual([left])

  // Escape goes back to the text where the cursor was.
  await editor.locator('td', { hasText: 'KNMI' }).click()
  await page.keyboard.press('End')
  await page.keyboard.press('Alt+F10')
  await expect.poll(focused).toMatch(/^table-/)
  await page.keyboard.press('Escape')
  await page.keyboard.type(' en RIVM')
  await expect.poll(() => tablesOf(page, sectionId)).toEqual([[left[0], ['td:Water', 'td:2027', 'td:KNMI en RIVM']]])

  // Outside a table Alt+F10 goes to the format toolbar.
  await editor.locator('p').first().click()
  await page.keyboard.press('Alt+F10')
  await expect.poll(focused).toMatch(/^format-/)
  await page.keyboard.press('Escape')
  await waitForSaveStatus(page, SaveStatus.saved)
  await expect
    .poll(() => tablesOf(reader.page, sectionId))
    .toEqual([[left[0], ['td:Water', 'td:2027', 'td:KNMI en RIVM']]])
  expect(running.server().logs.filter((line) => line.includes('"update refused"'))).toEqual([])
  await closeWithoutProblems(writer, reader)
}, 120_000)
