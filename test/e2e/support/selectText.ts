// Selecting text in a section's editor with the mouse, as a person does: a drag from the first to the
// last character of the first occurrence of some words (across the text nodes that highlights split).
import type { Page } from 'playwright-core'
import { editorOf } from '../../helpers/browser.ts'

/** Selects the first occurrence of `text` in a section's editor, as a person does with the mouse. */
export async function selectText(page: Page, sectionId: string, text: string): Promise<void> {
  const editor = editorOf(page, sectionId)
  await editor.scrollIntoViewIfNeeded()
  // Across text nodes: a highlight splits the text into several nodes.
  const box = await editor.evaluate((element, wanted) => {
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    const nodes: { node: Text; start: number }[] = []
    let all = ''
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.collaboration-carets__caret')) continue
      nodes.push({ node: node as Text, start: all.length })
      all += node.textContent ?? ''
    }
    const at = all.indexOf(wanted)
    if (at < 0) return null
    const locate = (offset: number, preferNext: boolean) => {
      const hit = nodes.findLast((n) =>
        preferNext ? n.start <= offset : n.start < offset || (n.start === 0 && offset === 0),
      )
      return hit ? { node: hit.node, offset: offset - hit.start } : null
    }
    const from = locate(at, true)
    const to = locate(at + wanted.length, false)
    if (!from || !to) return null
    const range = element.ownerDocument.createRange()
    range.setStart(from.node, from.offset)
    range.setEnd(to.node, to.offset)
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0)
    const first = rects[0]
    const last = rects[rects.length - 1]
    if (!first || !last) return null
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 }
  }, text)
  if (box === null) throw new Error(`"${text}" not found in section ${sectionId}`)
  await page.mouse.move(box.x1, box.y1)
  await page.mouse.down()
  await page.mouse.move(box.x2, box.y2, { steps: 5 })
  await page.mouse.up()
}
