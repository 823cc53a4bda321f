// Comments placed during random editing (randomEditing.test.ts): a person selects a few characters left
// of the caret with Shift+arrows, opens "Reactie plaatsen" with Ctrl+Alt+M and sends with Ctrl+Enter, as
// keyboardComments.test.ts does step by step. And what every page must agree on afterwards: which
// threads there are, and which text each one's highlight covers.
import type { Page } from 'playwright-core'
import { editorOf } from '../../helpers/browser.ts'

/** Places comment number `n` on the characters left of the caret; returns what it did. */
export async function randomComment(page: Page, sectionId: string, random: () => number, n: number): Promise<string> {
  const editor = editorOf(page, sectionId)
  if (!(await editor.evaluate((element) => element.contains(document.activeElement)))) await editor.click()
  const characters = 2 + Math.floor(random() * 8)
  for (let i = 0; i < characters; i++) await page.keyboard.press('Shift+ArrowLeft')
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '')
  // Nothing to comment on (the caret was at the start): the shortcut does nothing, as for a person.
  if (selected.trim() === '') return `comment: nothing selected (${characters} left)`
  await page.keyboard.press('Control+Alt+M')
  const body = page.getByTestId('comment-body')
  await body.waitFor({ timeout: 10_000 })
  const text = `Reactie ${n}`
  await body.pressSequentially(text)
  await page.keyboard.press('Control+Enter')
  const form = page.getByTestId('comment-form')
  try {
    await form.waitFor({ state: 'detached', timeout: 15_000 })
  } catch (error) {
    const shown = await form.locator('[role="alert"]').allInnerTexts()
    throw new Error(`comment "${text}" on "${selected}" was not placed: ${JSON.stringify(shown)}`, { cause: error })
  }
  return `comment "${text}" on "${selected}"`
}

/**
 * Every thread card on the page with its status, and the text each highlight covers (the other
 * person's caret label left out), as sorted lines: two pages that agree give the same lines.
 */
export const threadsOn = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const covered = new Map<string, string>()
    for (const highlight of Array.from(document.querySelectorAll('[data-testid="comment-highlight"]'))) {
      const id = highlight.getAttribute('data-thread-id') ?? '?'
      let text = ''
      const walker = document.createTreeWalker(highlight, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (!node.parentElement?.closest('.collaboration-carets__caret')) text += node.textContent ?? ''
      covered.set(id, (covered.get(id) ?? '') + text)
    }
    return Array.from(document.querySelectorAll('[data-testid="comment-thread"]'), (card) => {
      const id = card.getAttribute('data-thread-id') ?? '?'
      return `${id} ${card.getAttribute('data-status')}: ${JSON.stringify(covered.get(id) ?? null)}`
    }).sort()
  })
