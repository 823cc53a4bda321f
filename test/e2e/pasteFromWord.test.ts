// Pasting from desktop Word, the way civil servants bring in text drafted elsewhere: headings, bold and
// italics stay; Word's numbered and bulleted "lists" (paragraphs with a typed number, see
// fixtures/wordClipboard.ts) become real lists that renumber, with their start number and nesting;
// Word's markers, an unreachable local image and a javascript: link do not come along; a table stays a
// table; what did not come along is said under the editor (editor/pasteReport.ts). The paste
// is saved, reaches the other person and survives a reload.
import type { Page } from 'playwright-core'
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
  sectionLocator,
  waitForSameText,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { WORD_CLIPBOARD_HTML } from './fixtures/wordClipboard.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'
import { writerAndReader } from './support/writerAndReader.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const running = useServerAndBrowser()

/** The structure after the pasted heading, as "tag: text" lines (lists with their start and nesting). */
function pastedStructure(page: Page, sectionId: string): Promise<string[]> {
  return editorOf(page, sectionId).evaluate((editor) => {
    const blocks = Array.from(editor.children)
    const from = blocks.findIndex((b) => b.textContent === 'Opgaven uit het werkdocument')
    const describe = (el: Element, depth: number): string[] => {
      if (el.tagName === 'OL' || el.tagName === 'UL') {
        const start = el.getAttribute('start')
        const head = `${'  '.repeat(depth)}${el.tagName.toLowerCase()}${start && start !== '1' ? ` start=${start}` : ''}`
        return [head, ...Array.from(el.children).flatMap((li) => describe(li, depth + 1))]
      }
      // The editor shows a table inside a wrapper that scrolls it sideways.
      const table = el.tagName === 'TABLE' ? el : el.querySelector(':scope > table')
      if (table instanceof HTMLTableElement) {
        const rows = Array.from(table.rows).map(
          (row) =>
            `${'  '.repeat(depth + 1)}tr: ${Array.from(row.cells)
              .map((cell) => `${cell.tagName.toLowerCase()} ${cell.textContent}`)
              .join(' | ')}`,
        )
        return [`${'  '.repeat(depth)}table`, ...rows]
      }
      if (el.tagName === 'LI') {
        const own = Array.from(el.children)
        const text = own
          .filter((c) => c.tagName === 'P')
          .map((p) => p.textContent)
          .join(' ')
        return [
          `${'  '.repeat(depth)}li: ${text}`,
          ...own.filter((c) => c.tagName !== 'P').flatMap((c) => describe(c, depth + 1)),
        ]
      }
      return [`${'  '.repeat(depth)}${el.tagName.toLowerCase()}: ${el.textContent}`]
    }
    return from < 0 ? [] : blocks.slice(from).flatMap((b) => describe(b, 0))
  })
}

it('keeps headings, marks and lists from Word, drops what cannot come along, and saves it for everyone', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const sectionId = (await sectionIds(page))[2] ?? ''
  await editorOf(page, sectionId).focus()
  await caretToEnd(page, sectionId)
  await page.keyboard.press('Enter')
  // A paste event as the browser fires it for Ctrl+V, with Word's HTML and its plain-text fallback.
  await editorOf(page, sectionId).evaluate((editor, html) => {
    const data = new DataTransfer()
    data.setData('text/html', html)
    data.setData('text/plain', 'Opgaven uit het werkdocument')
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, WORD_CLIPBOARD_HTML)

  const expected = [
    'h2: Opgaven uit het werkdocument',
    'p: Water en bodem sturend, met rode tekst.',
    'ol start=3',
    '  li: Derde opgave: woningbouw',
    '  li: Vierde opgave: bereikbaarheid',
    'ul',
    '  li: Landbouw',
    '    ul',
    '      li: Veehouderij rond de Peelvenen',
    '  li: Natuur',
    'table',
    '  tr: td Cel A1 | td Cel B1',
    'p: Rijksoverheid en een kwade link.',
  ]
  await expect.poll(() => pastedStructure(page, sectionId)).toEqual(expected)
  const editor = editorOf(page, sectionId)
  expect(await editor.locator('strong', { hasText: 'Water' }).count()).toBe(1)
  expect(await editor.locator('em', { hasText: 'bodem' }).count()).toBe(1)
  expect(await editor.locator('a[href="https://www.rijksoverheid.nl/"]').count()).toBe(1)
  expect(await editor.locator('a[href^="javascript:"]').count()).toBe(0)
  expect(await editor.locator('img').count()).toBe(0)
  // What did not come along is said, not dropped silently.
  expect(await page.getByTestId('paste-hint').filter({ hasText: /\S/ }).textContent()).toBe(
    "Afbeeldingen uit andere programma's of websites kunnen niet mee: die zijn weggelaten. De tekst is geplakt. Plaats een kaart of figuur als PNG- of JPEG-bestand met Afbeelding invoegen, of plak of sleep het bestand.",
  )

  await waitForSaveStatus(page, SaveStatus.saved)
  await waitForSameText([page, reader.page], sectionId)
  expect(await pastedStructure(reader.page, sectionId)).toEqual(expected)
  await page.reload()
  await editorOf(page, sectionId).waitFor()
  await expect.poll(() => pastedStructure(page, sectionId)).toEqual(expected)
  await closeWithoutProblems(writer, reader)
}, 120_000)

it('says so when a pasted image file cannot be taken (a GIF; PNG and JPEG are uploaded), and says nothing after a plain paste', async () => {
  const user = await newUserContext(running.browser(), running.server().httpUrl)
  const page = user.page
  await openDocument(page, DE_PEEL)
  const sectionId = (await sectionIds(page))[4] ?? ''
  const hint = sectionLocator(page, sectionId).getByTestId('paste-hint')
  const before = await editorText(page, sectionId)
  await editorOf(page, sectionId).focus()
  await caretToEnd(page, sectionId)
  await editorOf(page, sectionId).evaluate((editor) => {
    const data = new DataTransfer()
    data.items.add(new File([new Uint8Array([71, 73, 70, 56, 57, 97])], 'animatie.gif', { type: 'image/gif' }))
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect
    .poll(() => hint.textContent())
    .toBe(
      "Afbeeldingen uit andere programma's of websites kunnen niet mee: die zijn weggelaten. De tekst is geplakt. Plaats een kaart of figuur als PNG- of JPEG-bestand met Afbeelding invoegen, of plak of sleep het bestand.",
    )
  expect(await editorText(page, sectionId)).toBe(before)
  // A paste ProseMirror cannot read from the event lends the focus to a hidden element for a moment
  // (its capturePaste); the next paste waits until the caret is back at the end, as a person's would.
  await caretToEnd(page, sectionId)
  await editorOf(page, sectionId).evaluate((editor) => {
    const data = new DataTransfer()
    data.setData('text/plain', ' Geplakte zin.')
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect.poll(() => editorText(page, sectionId)).toBe(`${before} Geplakte zin.`)
  expect(await hint.textContent()).toBe('')
  await closeWithoutProblems(user)
}, 120_000)
