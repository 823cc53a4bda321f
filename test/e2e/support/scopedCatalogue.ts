// The catalogue check (support/catalogue.ts) for one part of a page: the texts inside the elements
// matching `selector` only. The sign-off, link and export tests check their own panels and dialogs
// this way, so a text elsewhere on the page (another feature's) does not decide their outcome; the
// rules are the same: outside ⟦ ⟧ only user content (translate="no", aria-hidden, the editor).
import type { Page } from 'playwright-core'
import type { UncataloguedText } from './catalogue.ts'

export async function uncataloguedTextsIn(page: Page, selector: string): Promise<UncataloguedText[]> {
  return page.evaluate((rootSelector) => {
    const strip = (text: string): string => {
      let rest = text
      for (;;) {
        const next = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ')
        if (next === rest) return rest
        rest = next
      }
    }
    const lettersLeft = (text: string): boolean => /\p{L}/u.test(strip(text).replaceAll('⟦', '').replaceAll('⟧', ''))
    const userContent = '[translate="no"], script, style, noscript, .ProseMirror, [aria-hidden="true"]'
    const found: { where: string; text: string }[] = []
    const roots = Array.from(document.querySelectorAll(rootSelector))
    if (roots.length === 0) return [{ where: rootSelector, text: '(nothing on the page matches)' }]
    for (const root of roots) {
      const copy = root.cloneNode(true) as HTMLElement
      for (const el of Array.from(copy.querySelectorAll(userContent))) el.remove()
      const leftover = strip(copy.textContent ?? '')
        .split(/\s{2,}|[⟦⟧]/)
        .map((piece) => piece.trim())
        .filter((piece) => /\p{L}/u.test(piece))
      for (const piece of leftover) found.push({ where: `${rootSelector} text`, text: piece.slice(0, 120) })
      for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
        if (el.closest(userContent) !== null) continue
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
          const value = el.getAttribute(attr)
          if (value !== null && lettersLeft(value))
            found.push({ where: `${el.tagName.toLowerCase()}@${attr}`, text: value.slice(0, 120) })
        }
      }
    }
    return found
  }, selector)
}

/** Throws, listing them, when the part of the page shows texts that are not from the catalogue. */
export async function expectOnlyCatalogueTextsIn(page: Page, selector: string, what: string): Promise<void> {
  const found = await uncataloguedTextsIn(page, selector)
  if (found.length === 0) return
  const list = found.map((f) => `- ${f.where}: ${JSON.stringify(f.text)}`).join('\n')
  throw new Error(`${what}: ${found.length} text(s) not from the message catalogue\n${list}`)
}
