// Images (maps, figures) in a section, in a real browser against the real server: "Afbeelding invoegen"
// chooses a PNG, the dialog uploads it with progress while the author writes the description that is
// required; the image is placed at the cursor, loads for the other author from the server, survives a
// reload, and its description can be changed from the keyboard (Alt+F10 on the selected image). A pasted
// or dropped image file goes the same way; a broken file is refused with the server's reason and nothing
// is placed. An image copied within the document comes along; one from a web page is left out, and said.
// A reader who may only comment selects a map and comments on it; the map is marked for everyone.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import {
  caretToEnd,
  closeWithoutProblems,
  DEMO_USERS,
  editorOf,
  newUserContext,
  openDocument,
  SaveStatus,
  sectionIds,
  sectionLocator,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { jpegImage, pngImage, truncated } from '../helpers/images.ts'
import { DEMO, login } from '../helpers/session.ts'
import { sign } from '../helpers/signoff.ts'
import { expectAccessible } from './support/axe.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'
import { writerAndReader } from './support/writerAndReader.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
/** The first upload after the export threads were idle waits for one to start (about a second here). */
const UPLOAD_CHECKED = { timeout: 15_000 }
const running = useServerAndBrowser()

interface ShownImage {
  readonly src: string
  readonly alt: string
  /** The pixel width of the bytes the browser loaded (0: not loaded). */
  readonly loadedWidth: number
}

/** The images in a section's text, with what the browser made of them (each scrolled to: they load lazily). */
function imagesOf(page: Page, sectionId: string): Promise<ShownImage[]> {
  return editorOf(page, sectionId).evaluate((editor) =>
    Array.from(editor.querySelectorAll<HTMLImageElement>('img.section-image')).map((img) => {
      img.scrollIntoView({ block: 'nearest' })
      return {
        src: img.getAttribute('src') ?? '',
        alt: img.getAttribute('alt') ?? '',
        loadedWidth: img.complete ? img.naturalWidth : 0,
      }
    }),
  )
}

/** Drops a file on the section's text, on its first paragraph, as from the file manager. */
async function dropFile(page: Page, sectionId: string, name: string, type: string, bytes: Buffer): Promise<void> {
  const target = editorOf(page, sectionId).locator('p').first()
  const box = await target.boundingBox()
  if (box === null) throw new Error('no paragraph to drop on')
  await target.evaluate(
    (paragraph, file) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
      const at = { clientX: file.x, clientY: file.y, bubbles: true, cancelable: true, dataTransfer: data }
      paragraph.dispatchEvent(new DragEvent('dragover', at))
      paragraph.dispatchEvent(new DragEvent('drop', at))
    },
    { name, type, bytes: [...bytes], x: box.x + box.width / 2, y: box.y + box.height / 2 },
  )
}

/** Pastes a file into the section's text, as the clipboard hands a screenshot to the page. */
async function pasteFile(page: Page, sectionId: string, name: string, bytes: Buffer): Promise<void> {
  await editorOf(page, sectionId).evaluate(
    (editor, file) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: 'image/png' }))
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    },
    { name, bytes: [...bytes] },
  )
}

const activeTestId = (page: Page): Promise<string | null | undefined> =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid'))

it('places a map from a file with its description; the other author sees it, and it stays after a reload', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const sectionId = (await sectionIds(page))[2] ?? ''
  const section = sectionLocator(page, sectionId)
  await editorOf(page, sectionId).click()
  await caretToEnd(page, sectionId)
  await page.keyboard.press('Enter')
  await page.keyboard.type('Zie de kaart:')

  const chooser = page.waitForEvent('filechooser')
  await section.getByTestId('image-insert').click()
  await (await chooser).setFiles({ name: 'kaart-de-peel.png', mimeType: 'image/png', buffer: pngImage(300, 200) })
  const dialog = page.getByTestId('image-dialog')
  await dialog.waitFor()
  // The description field has the focus while the upload runs; the upload says when it is done.
  expect(await activeTestId(page)).toBe('image-alt')
  // While the server checks the whole image (the first check waits for an export thread to start), the
  // dialog says so rather than standing at 100 %.
  const said: string[] = []
  await expect
    .poll(async () => {
      said.push((await dialog.getByRole('status').first().textContent()) ?? '')
      return said.at(-1)
    }, UPLOAD_CHECKED)
    .toBe('Geüpload.')
  expect(said.filter((text) => text.startsWith('Bezig met uploaden: 100'))).toEqual([])
  await expectAccessible(page, 'the image dialog', '[data-testid="image-dialog"]')
  // Without a description nothing is placed.
  await dialog.getByTestId('image-place').click()
  await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Geef een beschrijving van de afbeelding.')
  expect(await imagesOf(page, sectionId)).toEqual([])
  await page.keyboard.type('Kaart van De Peel met de natte zones')
  await dialog.getByTestId('image-place').click()
  await dialog.waitFor({ state: 'detached' })

  await expect.poll(() => imagesOf(page, sectionId)).toHaveLength(1)
  const [image] = await imagesOf(page, sectionId)
  expect(image?.src).toMatch(new RegExp(`^/api/documents/${DE_PEEL}/images/[0-9a-f]{64}$`))
  expect(image?.alt).toBe('Kaart van De Peel met de natte zones')
  await expect.poll(async () => (await imagesOf(page, sectionId))[0]?.loadedWidth).toBe(300)
  // The text before it is where it was: the image came after the cursor's paragraph.
  expect(await editorOf(page, sectionId).locator('p', { hasText: 'Zie de kaart:' }).count()).toBe(1)
  await waitForSaveStatus(page, SaveStatus.saved)
  // The other author's browser fetches the same bytes from the server.
  await expect
    .poll(() => imagesOf(reader.page, sectionId))
    .toEqual([{ src: image?.src, alt: 'Kaart van De Peel met de natte zones', loadedWidth: 300 }])

  await page.reload()
  await editorOf(page, sectionId).waitFor()
  await expect
    .poll(() => imagesOf(page, sectionId))
    .toEqual([{ src: image?.src, alt: 'Kaart van De Peel met de natte zones', loadedWidth: 300 }])

  // The description changed from the keyboard: the image selected, Alt+F10 to its toolbar.
  await editorOf(page, sectionId).locator('img.section-image').click()
  await page.keyboard.press('Alt+F10')
  await expect.poll(() => activeTestId(page)).toBe('image-insert')
  await page.keyboard.press('ArrowRight')
  expect(await activeTestId(page)).toBe('image-describe')
  expect(await section.getByTestId('image-describe').getAttribute('aria-disabled')).toBeNull()
  await page.keyboard.press('Enter')
  await dialog.waitFor()
  expect(await dialog.getByTestId('image-alt').inputValue()).toBe('Kaart van De Peel met de natte zones')
  await page.keyboard.press('Control+A')
  await page.keyboard.type('Kaart van De Peel: natte zones en beekdalen')
  await dialog.getByTestId('image-place').click()
  await dialog.waitFor({ state: 'detached' })
  await expect
    .poll(async () => (await imagesOf(reader.page, sectionId))[0]?.alt)
    .toBe('Kaart van De Peel: natte zones en beekdalen')
  await waitForSaveStatus(page, SaveStatus.saved)

  // A caption under the map, shown to everyone and kept: the image becomes a figure with a figcaption.
  await editorOf(page, sectionId).locator('img.section-image').click()
  await section.getByTestId('image-describe').click()
  await dialog.waitFor()
  expect(await dialog.getByTestId('image-caption').inputValue()).toBe('')
  await dialog.getByTestId('image-caption').fill('Figuur 1. Natte zones en beekdalen. Bron: provincie Noord-Brabant')
  await expectAccessible(page, 'the image dialog with a caption', '[data-testid="image-dialog"]')
  await dialog.getByTestId('image-place').click()
  await dialog.waitFor({ state: 'detached' })
  const captionOf = (target: Page) =>
    editorOf(target, sectionId).locator('figure.section-figure figcaption').allTextContents()
  await expect
    .poll(() => captionOf(reader.page))
    .toEqual(['Figuur 1. Natte zones en beekdalen. Bron: provincie Noord-Brabant'])
  await waitForSaveStatus(page, SaveStatus.saved)
  await reader.page.reload()
  await editorOf(reader.page, sectionId).waitFor()
  await expect
    .poll(() => captionOf(reader.page))
    .toEqual(['Figuur 1. Natte zones en beekdalen. Bron: provincie Noord-Brabant'])
  expect((await imagesOf(reader.page, sectionId))[0]?.alt).toBe('Kaart van De Peel: natte zones en beekdalen')

  // While the description is being written again, the other author removes the image: said, not lost silently.
  await editorOf(page, sectionId).locator('img.section-image').click()
  await section.getByTestId('image-describe').click()
  await dialog.waitFor()
  await page.keyboard.type(' (concept)')
  await editorOf(reader.page, sectionId).locator('img.section-image').click()
  await reader.page.keyboard.press('Delete')
  await expect.poll(() => imagesOf(page, sectionId)).toEqual([])
  await dialog.getByTestId('image-place').click()
  await dialog.waitFor({ state: 'detached' })
  await expect
    .poll(() => section.getByTestId('image-hint').textContent())
    .toBe('De afbeelding is intussen door iemand anders verwijderd; de nieuwe beschrijving is daarom niet opgeslagen.')
  expect(await imagesOf(reader.page, sectionId)).toEqual([])
  await waitForSaveStatus(page, SaveStatus.saved)
  // The server took every change: none was refused (a refusal is undone on the page and easy to miss).
  expect(running.server().logs.filter((line) => line.includes('"update refused"'))).toEqual([])
  await closeWithoutProblems(writer, reader)
}, 180_000)

it('uploads a pasted or dropped image file; a broken one is refused with the reason, and nothing is placed', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const sectionId = (await sectionIds(page))[6] ?? ''
  await editorOf(page, sectionId).click()
  await caretToEnd(page, sectionId)
  const dialog = page.getByTestId('image-dialog')

  // A file cut off in transfer: the server's reason, no full progress bar that reads as success, and
  // no "Opnieuw proberen" (the same file would be refused again) but another file to choose, in the
  // dialog, keeping the description; the text unchanged.
  await pasteFile(page, sectionId, 'half.png', truncated(pngImage(121, 80)))
  await dialog.waitFor()
  await expect
    .poll(() => dialog.getByTestId('image-upload-failure').textContent(), UPLOAD_CHECKED)
    .toContain('De afbeelding is niet compleet')
  expect(await dialog.getByRole('button', { name: 'Opnieuw proberen' }).count()).toBe(0)
  expect(await dialog.locator('progress').count()).toBe(0)
  await page.keyboard.type('Stroomgebied')
  await dialog.getByTestId('image-place').click()
  await expect.poll(() => dialog.getByRole('alert').last().textContent()).toContain('niet geüpload')
  const other = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Ander bestand kiezen' }).click()
  await (await other).setFiles({ name: 'heel.png', mimeType: 'image/png', buffer: pngImage(121, 80) })
  await expect.poll(() => dialog.getByTestId('image-upload').getAttribute('data-state'), UPLOAD_CHECKED).toBe('done')
  expect(await dialog.getByTestId('image-upload').textContent()).toContain('heel.png')
  expect(await dialog.getByTestId('image-upload-failure').count()).toBe(0)
  expect(await dialog.getByTestId('image-alt').inputValue()).toBe('Stroomgebied')
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
  expect(await imagesOf(page, sectionId)).toEqual([])

  // A file over 10 MB: said at once, without sending it, and nothing to try again.
  await editorOf(page, sectionId).click()
  await caretToEnd(page, sectionId)
  await editorOf(page, sectionId).evaluate((editor) => {
    const data = new DataTransfer()
    data.items.add(new File([new Uint8Array(11 * 1024 * 1024)], 'luchtfoto.png', { type: 'image/png' }))
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await dialog.waitFor()
  expect(await dialog.getByTestId('image-upload-failure').locator('p').textContent()).toBe(
    'Dit bestand is groter dan 10 MB. Verklein de afbeelding of sla haar op als JPEG, en kies haar opnieuw.',
  )
  expect(await dialog.getByRole('button', { name: 'Opnieuw proberen' }).count()).toBe(0)
  expect(await dialog.getByRole('button', { name: 'Ander bestand kiezen' }).count()).toBe(1)
  await dialog.getByRole('button', { name: 'Annuleren' }).click()
  await dialog.waitFor({ state: 'detached' })
  expect(await imagesOf(page, sectionId)).toEqual([])

  // The server out of reach: the same file may go through later, so "Opnieuw proberen" is offered,
  // and it does.
  await page.route('**/images', (route) => route.abort('internetdisconnected'))
  await editorOf(page, sectionId).click()
  await caretToEnd(page, sectionId)
  await pasteFile(page, sectionId, 'netwerk.png', pngImage(90, 60))
  await dialog.waitFor()
  await expect
    .poll(() => dialog.getByTestId('image-upload-failure').locator('p').textContent(), UPLOAD_CHECKED)
    .toBe('De server is niet bereikbaar. De afbeelding is niet geüpload; probeer het opnieuw.')
  await page.unroute('**/images')
  await dialog.getByRole('button', { name: 'Opnieuw proberen' }).click()
  await expect.poll(() => dialog.getByTestId('image-upload').getAttribute('data-state'), UPLOAD_CHECKED).toBe('done')
  await dialog.getByRole('button', { name: 'Annuleren' }).click()
  await dialog.waitFor({ state: 'detached' })
  expect(await imagesOf(page, sectionId)).toEqual([])

  // A whole one.
  await editorOf(page, sectionId).click()
  await caretToEnd(page, sectionId)
  await pasteFile(page, sectionId, 'schermafbeelding.png', pngImage(120, 80))
  await dialog.waitFor()
  await page.keyboard.type('Schermafbeelding van het stroomgebied')
  await expect.poll(() => dialog.getByTestId('image-upload').getAttribute('data-state'), UPLOAD_CHECKED).toBe('done')
  await dialog.getByTestId('image-place').click()
  await dialog.waitFor({ state: 'detached' })
  await expect
    .poll(async () => (await imagesOf(reader.page, sectionId)).map((i) => [i.alt, i.loadedWidth]))
    .toEqual([['Schermafbeelding van het stroomgebied', 120]])
  // Nothing was said to be left out: the file came along.
  expect(await sectionLocator(page, sectionId).getByTestId('paste-hint').textContent()).toBe('')

  // A JPEG dropped on the first paragraph goes in there, before the pasted one.
  await dropFile(page, sectionId, 'foto.jpg', 'image/jpeg', jpegImage())
  await dialog.waitFor()
  await page.keyboard.type('Foto van het Peelven')
  await expect.poll(() => dialog.getByTestId('image-upload').getAttribute('data-state'), UPLOAD_CHECKED).toBe('done')
  await dialog.getByTestId('image-place').click()
  await dialog.waitFor({ state: 'detached' })
  await expect
    .poll(async () => (await imagesOf(reader.page, sectionId)).map((i) => [i.alt, i.loadedWidth]))
    .toEqual([
      ['Foto van het Peelven', 32],
      ['Schermafbeelding van het stroomgebied', 120],
    ])

  // Copied within the document, an image comes along (HTML as the editor puts it on the clipboard); one
  // from a web page does not, and the paste says so.
  const copied = (await imagesOf(page, sectionId))[1]?.src ?? ''
  await caretToEnd(page, sectionId)
  await editorOf(page, sectionId).evaluate((editor, src) => {
    const data = new DataTransfer()
    data.setData('text/html', `<p>Kopie:</p><img src="${src}" alt="Kopie van het stroomgebied">`)
    data.setData('text/plain', 'Kopie:')
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, copied)
  await expect
    .poll(async () => (await imagesOf(reader.page, sectionId)).map((i) => i.alt))
    .toEqual(['Foto van het Peelven', 'Schermafbeelding van het stroomgebied', 'Kopie van het stroomgebied'])
  expect(await sectionLocator(page, sectionId).getByTestId('paste-hint').textContent()).toBe('')
  await caretToEnd(page, sectionId)
  await editorOf(page, sectionId).evaluate((editor) => {
    const data = new DataTransfer()
    data.setData('text/html', '<p>Van de website:</p><img src="https://www.example.nl/kaart.png" alt="Kaart">')
    data.setData('text/plain', 'Van de website:')
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect
    .poll(() => sectionLocator(page, sectionId).getByTestId('paste-hint').textContent())
    .toMatch(/^Afbeeldingen uit andere programma's of websites kunnen niet mee/)
  expect(await imagesOf(page, sectionId)).toHaveLength(3)
  await waitForSaveStatus(page, SaveStatus.saved)
  expect(running.server().logs.filter((line) => line.includes('"update refused"'))).toEqual([])
  // The browser logs the refused upload (415) and the aborted one itself; nothing else went wrong.
  try {
    writer.assertNoProblems([/status of 415/, /ERR_INTERNET_DISCONNECTED/])
    reader.assertNoProblems()
  } finally {
    await Promise.all([writer.close(), reader.close()])
  }
}, 120_000)

it('says so when the section was signed while an image was being placed, and places nothing', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const sectionId = (await sectionIds(page))[1] ?? ''
  const section = sectionLocator(page, sectionId)
  await editorOf(page, sectionId).click()
  await caretToEnd(page, sectionId)
  const chooser = page.waitForEvent('filechooser')
  await section.getByTestId('image-insert').click()
  await (await chooser).setFiles({ name: 'kaart.png', mimeType: 'image/png', buffer: pngImage(90, 60) })
  const dialog = page.getByTestId('image-dialog')
  await dialog.waitFor()
  await page.keyboard.type('Kaart bij het ondertekende onderdeel')
  await expect.poll(() => dialog.getByTestId('image-upload').getAttribute('data-state'), UPLOAD_CHECKED).toBe('done')
  // Meanwhile both signatories sign the section: it locks for everyone.
  const server = running.server()
  for (const signatory of [DEMO.rijkOndertekenaar, DEMO.provincieOndertekenaar]) {
    expect((await sign(server, await login(server, signatory), DE_PEEL, sectionId)).status).toBe(200)
  }
  await expect.poll(() => section.getByTestId('image-toolbar').count()).toBe(0)
  await dialog.getByTestId('image-place').click()
  await dialog.waitFor({ state: 'detached' })
  await expect
    .poll(() => section.getByTestId('image-hint').textContent())
    .toMatch(/^De afbeelding is niet geplaatst: deze tekst kan intussen niet meer worden gewijzigd/)
  expect(await imagesOf(page, sectionId)).toEqual([])
  expect(await imagesOf(reader.page, sectionId)).toEqual([])
  expect(running.server().logs.filter((line) => line.includes('"update refused"'))).toEqual([])
  await closeWithoutProblems(writer, reader)
}, 120_000)

/** Places a PNG map of `width`×`height` at the end of a section through "Afbeelding invoegen". */
async function placeMap(
  page: Page,
  sectionId: string,
  { alt, caption, width, height }: { alt: string; caption: string; width: number; height: number },
): Promise<void> {
  await editorOf(page, sectionId).click()
  await caretToEnd(page, sectionId)
  await page.keyboard.press('Enter')
  const chooser = page.waitForEvent('filechooser')
  await sectionLocator(page, sectionId).getByTestId('image-insert').click()
  await (await chooser).setFiles({ name: 'kaart.png', mimeType: 'image/png', buffer: pngImage(width, height) })
  const dialog = page.getByTestId('image-dialog')
  await dialog.waitFor()
  await expect.poll(() => dialog.getByRole('status').first().textContent(), UPLOAD_CHECKED).toBe('Geüpload.')
  await page.keyboard.type(alt)
  await dialog.getByTestId('image-caption').fill(caption)
  await dialog.getByTestId('image-place').click()
  await dialog.waitFor({ state: 'detached' })
  await expect.poll(async () => (await imagesOf(page, sectionId))[0]?.loadedWidth).toBe(width)
  await waitForSaveStatus(page, SaveStatus.saved)
}

it('a meelezer comments on a map: it is marked for everyone, stays on the map while text is written around it, and the thread says when the map is gone', async () => {
  const { writer, reader } = await writerAndReader(running, DE_PEEL)
  const page = writer.page
  const sectionId = (await sectionIds(page))[4] ?? ''
  const caption = 'Figuur 3. Zoekgebieden woningbouw. Bron: gemeente Deurne'
  await placeMap(page, sectionId, {
    alt: 'Kaart van de zoekgebieden voor woningbouw',
    caption,
    width: 240,
    height: 160,
  })

  // The meelezer (comments, never edits) selects the map with a click and opens the form with the keys.
  const meelezer = await newUserContext(running.browser(), running.server().httpUrl, { email: DEMO_USERS.meelezer })
  await openDocument(meelezer.page, DE_PEEL)
  await expect.poll(async () => (await imagesOf(meelezer.page, sectionId))[0]?.loadedWidth).toBe(240)
  await expect.poll(() => editorOf(meelezer.page, sectionId).getAttribute('aria-readonly')).toBe('true')
  const map = editorOf(meelezer.page, sectionId).locator('img.section-image')
  await map.click()
  await meelezer.page.getByTestId('comment-button').waitFor()
  await meelezer.page.keyboard.press('Control+Alt+M')
  const form = meelezer.page.getByTestId('comment-form')
  await form.getByTestId('comment-body').waitFor()
  await form.getByTestId('comment-body').fill('Klopt de grens van het zoekgebied bij Deurne?')
  await form.getByTestId('comment-submit').click()
  await form.waitFor({ state: 'detached' })
  const own = meelezer.page.getByTestId('comment-thread').filter({ hasText: 'Klopt de grens' })
  await own.waitFor()
  const threadId = (await own.getAttribute('data-thread-id')) ?? ''
  // The quote names the map by its description, and its caption.
  expect(await own.locator('blockquote').textContent()).toContain(
    `[Afbeelding: Kaart van de zoekgebieden voor woningbouw]\n${caption}`,
  )

  // The map (with its caption: the figure), and only that, is marked: for the meelezer and, live, for
  // both authors.
  const marked = (target: Page) =>
    editorOf(target, sectionId)
      .locator(`[data-testid="comment-highlight"][data-thread-id="${threadId}"]`)
      .evaluateAll((nodes) => nodes.map((node) => node.tagName.toLowerCase()))
  for (const target of [meelezer.page, page, reader.page]) await expect.poll(() => marked(target)).toEqual(['figure'])
  // The text is as it was: a comment changes nothing in a section.
  expect(running.server().logs.filter((line) => line.includes('"update refused"'))).toEqual([])

  // The author writes right under the map and above it: the mark stays on the map alone. (A click on
  // the marked map leaves the focus in the text: the keys land there, not on the comment's card.)
  await editorOf(page, sectionId).locator('img.section-image').click()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type('Toelichting bij de kaart.')
  await editorOf(page, sectionId).locator('img.section-image').click()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.type('Zie de kaart.')
  const around = (target: Page) =>
    editorOf(target, sectionId).evaluate((editor) =>
      Array.from(editor.children).map((block) => block.textContent || block.getAttribute('alt')),
    )
  // Typed right before the map (at the end of the paragraph above) and right after it.
  await expect
    .poll(async () => (await around(reader.page)).slice(-3).join(' | '))
    .toMatch(
      /Zie de kaart\. \| Figuur 3\. Zoekgebieden woningbouw\. Bron: gemeente Deurne \| Toelichting bij de kaart\.$/,
    )
  for (const target of [meelezer.page, page, reader.page]) expect(await marked(target)).toEqual(['figure'])

  // "Toon in de tekst" on the card selects the map itself.
  await own.getByRole('button', { name: 'Toon in de tekst' }).click()
  await expect
    .poll(() =>
      editorOf(meelezer.page, sectionId).evaluate(
        (editor) => editor.querySelector('.ProseMirror-selectednode img.section-image')?.getAttribute('alt') ?? null,
      ),
    )
    .toBe('Kaart van de zoekgebieden voor woningbouw')

  // The province removes the map: the thread stays with its quote and says its place is gone.
  await editorOf(reader.page, sectionId).locator('img.section-image').click()
  await reader.page.keyboard.press('Delete')
  await expect.poll(() => imagesOf(meelezer.page, sectionId)).toEqual([])
  await own.getByTestId('comment-text-deleted').waitFor()
  expect(await own.getByTestId('comment-text-deleted').textContent()).toContain('afbeelding verwijderd')
  expect(await own.textContent()).toContain('[Afbeelding: Kaart van de zoekgebieden voor woningbouw]')
  await expect.poll(() => marked(page)).toEqual([])
  await waitForSaveStatus(reader.page, SaveStatus.saved)
  meelezer.assertNoProblems()
  await meelezer.close()
  await closeWithoutProblems(writer, reader)
}, 180_000)
