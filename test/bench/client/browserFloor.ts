// The client benchmark's floor, measured in the same run and the same browser (what the relay is to the
// server table): the same text, split into the same eight blocks, in eight plain `contenteditable`
// elements with no script, no stylesheet and nobody else typing. Typing the same keys at the same rate
// into the same paragraph shows what Chromium itself needs on this machine to insert a character into
// that much text and paint it. Our page can only be slower; the ratio says by how much.
import type { Browser, Locator } from 'playwright-core'
import type { PerspectiveText } from './perspectiveText.ts'

/** Same viewport as the benchmark's user context (test/helpers/browser.ts). */
const VIEWPORT = { width: 1280, height: 900 }

export interface FloorPage {
  /** The paragraph to type in: `paragraph` of `section`, as in our page. */
  readonly paragraph: Locator
  close(): Promise<void>
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * Opens the floor page. Each block carries the class `ProseMirror` only because the key probe
 * (pageProbes.ts) recognises the editor by it; no ProseMirror code runs there.
 */
export async function openFloorPage(
  browser: Browser,
  text: PerspectiveText,
  section: number,
  paragraph: number,
  nameHelper: string,
): Promise<FloorPage> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  const blocks = text.sections
    .map(
      (paragraphs) =>
        `<div class="ProseMirror" contenteditable="true">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>`,
    )
    .join('\n')
  await page.setContent(
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"></head><body>${blocks}</body></html>`,
  )
  await page.evaluate(nameHelper)
  return {
    paragraph: page.locator('.ProseMirror').nth(section).locator(':scope > p').nth(paragraph),
    close: () => context.close(),
  }
}
