// The formatting toolbar of a section, for people who format with buttons as in Word: a selected word
// becomes bold, a paragraph a numbered list; the buttons say what is on where the caret is; the whole
// toolbar is one Tab stop with arrow keys between its buttons; the other person sees the formatting;
// and text that may not change (signed off) has no toolbar.
import { expect, it } from 'vitest'
import {
  closeWithoutProblems,
  editorOf,
  SaveStatus,
  sectionIds,
  sectionLocator,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { signForBothSides } from './signSection.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'
import { writerAndReader } from './support/writerAndReader.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const running = useServerAndBrowser()

it('formats with the buttons and the keyboard, shows what is on, and is absent from signed-off text', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const [first, , , fourth] = await sectionIds(page)
  const sectionId = first ?? ''
  const toolbar = sectionLocator(page, sectionId).getByTestId('format-toolbar')
  const button = (id: string) => toolbar.getByTestId(`format-${id}`)
  expect(await toolbar.getAttribute('role')).toBe('toolbar')

  // Select the first word of the first paragraph and make it bold with the button.
  const paragraph = editorOf(page, sectionId).locator('p').first()
  const word = ((await paragraph.textContent()) ?? '').split(' ')[0] ?? ''
  expect(word.length).toBeGreaterThan(1)
  await paragraph.click({ position: { x: 2, y: 5 } })
  await page.keyboard.press('Home')
  await page.keyboard.press('Control+Shift+ArrowRight')
  expect(await button('bold').getAttribute('aria-pressed')).toBe('false')
  // A click leaves the focus in the text: a key typed at once after it goes into the text, not to the
  // button (the editor takes the focus back only a frame later).
  await page.evaluate(() => {
    document.addEventListener('focusin', (event) => {
      if (event.target instanceof HTMLButtonElement) document.body.dataset.focusedButton = event.target.dataset.testid
    })
  })
  await button('bold').click()
  await expect.poll(() => paragraph.locator('strong').first().textContent()).toBe(word)
  expect(await page.evaluate(() => document.body.dataset.focusedButton ?? null)).toBeNull()
  expect(await button('bold').getAttribute('aria-pressed')).toBe('true')
  expect(await button('bold').getAttribute('aria-keyshortcuts')).toBe('Control+B')
  expect(await button('bold').getAttribute('title')).toBe('Vet (Ctrl+B)')

  // From the keyboard: Shift+Tab from the text reaches the toolbar's one stop, arrows move, Enter
  // applies, and the focus goes back to the text.
  await page.keyboard.press('End')
  await page.keyboard.press('Shift+Tab') // the link button
  await page.keyboard.press('Shift+Tab') // the image toolbar
  await page.keyboard.press('Shift+Tab') // the table toolbar
  await page.keyboard.press('Shift+Tab') // the format toolbar
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('format-bold')
  await page.keyboard.press('End')
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('format-orderedList')
  await page.keyboard.press('Enter')
  await expect.poll(() => editorOf(page, sectionId).locator('ol > li').count()).toBe(1)
  expect(await button('orderedList').getAttribute('aria-pressed')).toBe('true')
  expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror') ?? false)).toBe(true)
  // One Tab stop: only the button last used takes the Tab.
  expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1)

  // A heading made a subheading: the same node with another level (an attribute set again, which the
  // server once refused).
  const [, second] = await sectionIds(page)
  const lastParagraph = editorOf(page, second ?? '')
    .locator('p')
    .last()
  const line = (await lastParagraph.textContent()) ?? ''
  await lastParagraph.click()
  await sectionLocator(page, second ?? '')
    .getByTestId('format-heading2')
    .click()
  await expect
    .poll(() =>
      editorOf(page, second ?? '')
        .locator('h2')
        .last()
        .textContent(),
    )
    .toBe(line)
  await sectionLocator(page, second ?? '')
    .getByTestId('format-heading3')
    .click()
  await expect
    .poll(() =>
      editorOf(page, second ?? '')
        .locator('h3')
        .last()
        .textContent(),
    )
    .toBe(line)

  await waitForSaveStatus(page, SaveStatus.saved)
  const readerEditor = editorOf(reader.page, sectionId)
  await expect.poll(() => readerEditor.locator('ol > li strong').first().textContent()).toBe(word)
  await expect
    .poll(() =>
      editorOf(reader.page, second ?? '')
        .locator('h3')
        .last()
        .textContent(),
    )
    .toBe(line)

  // Signed off: no formatting toolbar at all.
  const lockedId = fourth ?? ''
  expect(await sectionLocator(page, lockedId).getByTestId('format-toolbar').count()).toBe(1)
  await signForBothSides(running.server(), DE_PEEL, lockedId)
  await expect.poll(() => sectionLocator(page, lockedId).getByTestId('format-toolbar').count()).toBe(0)
  // The server took every change: none was refused (a refusal is undone on the page and easy to miss).
  expect(running.server().logs.filter((line) => line.includes('"update refused"'))).toEqual([])
  await closeWithoutProblems(writer, reader)
}, 120_000)
