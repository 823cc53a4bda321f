// Find and replace across the sections (Ctrl+H, as in Word and Google Docs): the bar finds in every
// section in page order, says where the user is ("Resultaat 2 van 4."), highlights the matches and
// the current one, replaces one or all of them, and leaves a signed-off section alone, saying so. The
// other author sees the replaced text arrive; after a reload it is still there. A replace-all is undone
// and redone in every section at once (never in a section signed off since). The bar is keyboard
// operable, accessible, and shows only catalogue texts. In a small window (200 % zoom) it stays
// compact, with replacing and the options behind a toggle, and the current match shows below it.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import {
  closeWithoutProblems,
  editorOf,
  editorText,
  newUserContext,
  openDocument,
  SaveStatus,
  sectionIds,
  sectionLocator,
  typeAtEnd,
  typeAtStart,
  waitForSameText,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { DEMO } from '../helpers/session.ts'
import { signForBothSides } from './signSection.ts'
import { expectAccessible } from './support/axe.ts'
import { expectOnlyCatalogueTexts, usePseudoLocale } from './support/catalogue.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'
import { writerAndReader } from './support/writerAndReader.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const MARKER = 'Zoekwoordx'
const running = useServerAndBrowser()

const status = (page: Page) => page.getByTestId('find-status').textContent()
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
/** The section holding the current match, by its index on the page; -1 when there is none. */
const activeSection = (page: Page, ids: readonly string[]) =>
  page.evaluate((sectionIds) => {
    const active = document.querySelector('.ProseMirror-active-search-match')
    const section = active?.closest('[data-testid="section"]')?.getAttribute('data-section-id') ?? null
    return section === null ? -1 : sectionIds.indexOf(section)
  }, ids)

/** Whether the current match is on screen: below the (sticky) find bar and above the window's bottom. */
const activeMatchInView = (page: Page) =>
  page.evaluate(() => {
    const match = document.querySelector('.ProseMirror-active-search-match')?.getBoundingClientRect()
    const bar = document.querySelector('[data-testid="find-bar"]')?.getBoundingClientRect()
    return match !== undefined && bar !== undefined && match.top >= bar.bottom && match.bottom <= window.innerHeight
  })

/** From the text of `sectionId`: Ctrl+H, search `word` (`count` matches), "Alles vervangen" by `replacement`. */
async function replaceAllFrom(page: Page, sectionId: string, word: string, replacement: string, count: number) {
  await editorOf(page, sectionId).click()
  await page.keyboard.press('Control+H')
  await page.getByTestId('find-bar').waitFor()
  await page.keyboard.type(word)
  await expect.poll(() => status(page)).toBe(`${count} resultaten.`)
  await page.getByTestId('replace-input').fill(replacement)
  await page.getByTestId('replace-all').click()
  await expect.poll(() => status(page)).toBe(`${count} keer vervangen.`)
}

it('finds in every section, replaces one and all where the text may change, and leaves signed-off text alone', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const ids = (await sectionIds(page)).slice(0, 4)
  expect(ids).toHaveLength(4)
  // The marker once at the end of each of the first four sections; the third is then signed off.
  for (const id of ids) await typeAtEnd(page, id, ` ${MARKER}.`)
  await waitForSaveStatus(page, SaveStatus.saved)
  const lockedId = ids[2] ?? ''
  await signForBothSides(running.server(), DE_PEEL, lockedId)
  await expect.poll(() => sectionLocator(page, lockedId).getAttribute('data-locked')).toBe('true')
  const lockedBefore = await editorText(page, lockedId)

  // Ctrl+H from the text opens the bar with the focus in its search field.
  await editorOf(page, ids[0] ?? '').click()
  await page.keyboard.press('Control+H')
  await page.getByTestId('find-bar').waitFor()
  expect(await focusedTestId(page)).toBe('find-input')
  // A wide window shows all of the bar at once: no toggle for the options.
  expect(await page.getByTestId('find-more').isVisible()).toBe(false)
  await page.keyboard.type(MARKER.toLowerCase())
  await expect.poll(() => status(page)).toBe('4 resultaten.')
  expect(await page.locator('.ProseMirror-search-match').count()).toBe(4)

  // Enter and Shift+Enter go from match to match, in page order, and say where the user is.
  await page.keyboard.press('Enter')
  await expect.poll(() => status(page)).toBe('Resultaat 1 van 4.')
  expect(await activeSection(page, ids)).toBe(0)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect.poll(() => status(page)).toBe('Resultaat 3 van 4.')
  expect(await activeSection(page, ids)).toBe(2)
  // Scrolled to, and not hidden under the bar that stays at the top of the window.
  await expect.poll(() => activeMatchInView(page)).toBe(true)
  await page.keyboard.press('Shift+Enter')
  await expect.poll(() => status(page)).toBe('Resultaat 2 van 4.')
  expect(await activeSection(page, ids)).toBe(1)
  await expect.poll(() => activeMatchInView(page)).toBe(true)
  await expectAccessible(page, 'find bar', '[data-testid="find-bar"]')

  // The other author writes in front of the current match: the bar still knows where it is.
  await typeAtStart(reader.page, ids[1] ?? '', 'Vooraf: ')
  await expect.poll(() => editorText(page, ids[1] ?? '')).toMatch(/^Vooraf: /)
  expect(await activeSection(page, ids)).toBe(1)

  // Replace the current match (section 2) from the replace field with Enter; the bar goes on to the next.
  await page.keyboard.press('Tab')
  expect(await focusedTestId(page)).toBe('replace-input')
  await page.keyboard.type('Kernwoord')
  await page.keyboard.press('Enter')
  await expect.poll(() => editorText(page, ids[1] ?? '')).toContain('Kernwoord.')
  expect(await editorText(page, ids[1] ?? '')).toMatch(/^Vooraf: /)
  expect(await status(page)).toBe('1 keer vervangen.')
  expect(await activeSection(page, ids)).toBe(2)
  // The next one is in the signed-off section: not replaced, and said why.
  await page.keyboard.press('Enter')
  await expect
    .poll(() => status(page))
    .toBe(
      'Niet vervangen: dit resultaat staat in een sectie die u niet kunt wijzigen (ondertekend, of u mag alleen lezen of reageren).',
    )
  expect(await editorText(page, lockedId)).toBe(lockedBefore)

  // Replace all: the two left in sections that may change; the signed-off one is counted, not changed.
  await page.getByTestId('replace-all').click()
  await expect
    .poll(() => status(page))
    .toBe(
      '2 keer vervangen. 1 resultaat niet vervangen: het staat in een sectie die u niet kunt wijzigen (ondertekend, of u mag alleen lezen of reageren).',
    )
  await waitForSaveStatus(page, SaveStatus.saved)
  for (const id of [ids[0], ids[1], ids[3]]) {
    const text = await waitForSameText([page, reader.page], id ?? '')
    expect(text).toContain('Kernwoord.')
    expect(text).not.toContain(MARKER)
  }
  expect(await editorText(reader.page, lockedId)).toBe(lockedBefore)

  // Escape closes the bar, takes the highlights away and gives the focus back to the text.
  await page.keyboard.press('Escape')
  await page.getByTestId('find-bar').waitFor({ state: 'detached' })
  expect(await page.locator('.ProseMirror-search-match, .ProseMirror-active-search-match').count()).toBe(0)
  expect(await page.evaluate(() => document.activeElement?.classList.contains('section-editor') ?? false)).toBe(true)

  await page.reload()
  await openDocument(page, DE_PEEL)
  for (const id of [ids[0], ids[1], ids[3]]) expect(await editorText(page, id ?? '')).toContain('Kernwoord.')
  expect(await editorText(page, lockedId)).toBe(lockedBefore)
  await closeWithoutProblems(writer, reader)
}, 180_000)

it('undoes and redoes a replace-all in every section at once, and leaves a section changed since alone', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const ids = (await sectionIds(page)).slice(4, 7)
  expect(ids).toHaveLength(3)
  const [first, second, third] = ids as [string, string, string]
  const word = 'Terugwoordq'
  for (const id of ids) await typeAtEnd(page, id, ` ${word}.`)
  await waitForSaveStatus(page, SaveStatus.saved)
  const before = await Promise.all(ids.map((id) => editorText(page, id)))
  const textOf = (id: string) => before[ids.indexOf(id)] ?? ''

  await replaceAllFrom(page, first, word, 'Nieuwwoord', 3)
  for (const id of ids) await expect.poll(() => editorText(reader.page, id)).toContain('Nieuwwoord.')

  // "Ongedaan maken" in the bar takes it back in all three sections, for the other author too.
  await page.getByTestId('undo-replace-all').click()
  await expect.poll(() => status(page)).toBe('Vervangen ongedaan gemaakt in 3 secties.')
  expect(await page.getByTestId('undo-replace-all').count()).toBe(0)
  expect(await focusedTestId(page)).toBe('find-input')
  for (const id of ids) await expect.poll(() => editorText(reader.page, id)).toBe(textOf(id))

  // Ctrl+Y in one section redoes it in all of them, as one step.
  await page.keyboard.press('Escape')
  await page.getByTestId('find-bar').waitFor({ state: 'detached' })
  await editorOf(page, second).click()
  await page.keyboard.press('Control+Y')
  for (const id of ids) await expect.poll(() => editorText(reader.page, id)).toContain('Nieuwwoord.')

  // The user writes on in the first section; Ctrl+Z in the third undoes the replace-all in the second
  // and the third, and leaves the first, changed since, as it is.
  await typeAtEnd(page, first, ' Erbij.')
  await editorOf(page, third).click()
  await page.keyboard.press('Control+Z')
  await expect.poll(() => editorText(reader.page, third)).toBe(textOf(third))
  await expect.poll(() => editorText(reader.page, second)).toBe(textOf(second))
  await waitForSaveStatus(page, SaveStatus.saved)
  expect(await waitForSameText([page, reader.page], first)).toContain('Nieuwwoord. Erbij.')
  // There, Ctrl+Z undoes the user's own newer typing first, as always.
  await editorOf(page, first).click()
  await page.keyboard.press('Control+Z')
  await expect.poll(() => editorText(reader.page, first)).not.toContain('Erbij.')
  expect(await editorText(page, first)).toContain('Nieuwwoord.')
  await closeWithoutProblems(writer, reader)
}, 180_000)

it('leaves a section signed off after a replace-all as it is when the replace-all is undone, and says so', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const all = await sectionIds(page)
  const [open, signed] = [all[3], all[7]] as [string, string]
  const word = 'Slotwoordq'
  for (const id of [open, signed]) await typeAtEnd(page, id, ` ${word}.`)
  await waitForSaveStatus(page, SaveStatus.saved)
  const openBefore = await editorText(page, open)

  await replaceAllFrom(page, open, word, 'Vastwoord', 2)
  await waitForSaveStatus(page, SaveStatus.saved)
  await signForBothSides(running.server(), DE_PEEL, signed)
  await expect.poll(() => sectionLocator(page, signed).getAttribute('data-locked')).toBe('true')
  const signedText = await editorText(page, signed)
  expect(signedText).toContain('Vastwoord.')

  await page.getByTestId('undo-replace-all').click()
  await expect
    .poll(() => status(page))
    .toBe(
      'Vervangen ongedaan gemaakt in 1 sectie. In 1 sectie niet: daar is sindsdien verder gewerkt, of de sectie is ondertekend. Gebruik daar Ctrl+Z.',
    )
  await expect.poll(() => editorText(reader.page, open)).toBe(openBefore)
  await waitForSaveStatus(page, SaveStatus.saved)
  expect(await waitForSameText([page, reader.page], signed)).toBe(signedText)
  await closeWithoutProblems(writer, reader)
}, 120_000)

it('opens from its button, with only catalogue texts, and without replacing for a reader', async () => {
  const lezer = await newUserContext(running.browser(), running.server().httpUrl, { email: DEMO.lezer })
  await usePseudoLocale(lezer.context)
  const page = lezer.page
  await openDocument(page, DE_PEEL)
  await page.getByTestId('open-find').click()
  await page.getByTestId('find-bar').waitFor()
  expect(await focusedTestId(page)).toBe('find-input')
  expect(await page.getByTestId('replace-input').count()).toBe(0)
  expect(await page.getByTestId('replace-all').count()).toBe(0)
  await page.keyboard.type('de')
  await expect.poll(() => status(page)).toMatch(/^⟦.*⟧$/)
  await expectOnlyCatalogueTexts(page, 'find bar', '[data-testid="find-bar"]')
  // The button closes it again and keeps the focus.
  await page.getByTestId('open-find').click()
  await page.getByTestId('find-bar').waitFor({ state: 'detached' })
  expect(await focusedTestId(page)).toBe('open-find')
  await closeWithoutProblems(lezer)
}, 120_000)

it('stays compact at 200 % zoom (640 × 500) and shows the current match below it', async () => {
  const user = await newUserContext(running.browser(), running.server().httpUrl, { email: DEMO.rijkAuteur })
  const page = user.page
  // What a 1280 × 1000 window shows at 200 % zoom.
  await page.setViewportSize({ width: 640, height: 500 })
  await openDocument(page, DE_PEEL)
  await page.keyboard.press('Control+H')
  const bar = page.getByTestId('find-bar')
  await bar.waitFor()
  await page.keyboard.type('bufferzones')
  await page.keyboard.press('Enter')
  await expect.poll(() => status(page)).toBe('Resultaat 1 van 2.')
  await expect.poll(() => activeMatchInView(page)).toBe(true)
  const barHeight = async () => (await bar.boundingBox())?.height ?? Number.POSITIVE_INFINITY
  // Until 2026-12-03 it took 425 of the 500 pixels, over the match it had just found.
  expect(await barHeight()).toBeLessThanOrEqual(500 * 0.35)
  await page.keyboard.press('Enter')
  await expect.poll(() => status(page)).toBe('Resultaat 2 van 2.')
  await expect.poll(() => activeMatchInView(page)).toBe(true)
  await page.keyboard.press('Shift+Enter')
  await expect.poll(() => status(page)).toBe('Resultaat 1 van 2.')
  await expect.poll(() => activeMatchInView(page)).toBe(true)

  // Replacing and the options fold behind a toggle, next in the tab order, that opens them there.
  const toggle = page.getByTestId('find-more')
  expect(await page.getByTestId('replace-input').isVisible()).toBe(false)
  expect(await page.getByRole('checkbox', { name: 'Hoofdlettergevoelig' }).isVisible()).toBe(false)
  expect(await toggle.getAttribute('aria-expanded')).toBe('false')
  expect(await toggle.textContent()).toBe('Vervangen en opties')
  await page.keyboard.press('Tab')
  expect(await focusedTestId(page)).toBe('find-more')
  await page.keyboard.press('Enter')
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true')
  expect(await page.getByTestId('replace-input').isVisible()).toBe(true)
  await page.keyboard.press('Tab')
  expect(await focusedTestId(page)).toBe('replace-input')
  await expectAccessible(page, 'compact find bar, opened up', '[data-testid="find-bar"]')
  // Opened up it still leaves the text room, and the next match shows below it.
  expect(await barHeight()).toBeLessThanOrEqual(500 * 0.6)
  await page.getByTestId('find-input').focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => status(page)).toBe('Resultaat 2 van 2.')
  await expect.poll(() => activeMatchInView(page)).toBe(true)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640)
  await closeWithoutProblems(user)
}, 120_000)
