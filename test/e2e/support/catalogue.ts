// The check that every text a component renders comes from the message catalogue. The page runs in the
// pseudo-locale `qps` (client/src/i18n/languages.ts): every catalogue text is wrapped in ⟦ ⟧. Whatever
// is left after removing the wrapped texts must hold no letters, unless it is user content, which the
// client marks with the standard `translate="no"` attribute (document text, titles, names, comments).
// Accessible names (aria-label, title, placeholder, alt) are checked the same way.
import type { BrowserContext, Page } from 'playwright-core'

export const PSEUDO_LANGUAGE = 'qps'
export const LANGUAGE_STORAGE_KEY = 'novex.taal'

/** Makes every page of the context start in the pseudo-locale. */
export async function usePseudoLocale(context: BrowserContext): Promise<void> {
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    LANGUAGE_STORAGE_KEY,
    PSEUDO_LANGUAGE,
  ] as const)
}

export interface UncataloguedText {
  readonly where: string
  readonly text: string
}

/** The texts on the page that are neither catalogue texts nor user content. */
export async function uncataloguedTexts(page: Page): Promise<UncataloguedText[]> {
  return page.evaluate(() => {
    const OPEN = '⟦'
    const CLOSE = '⟧'
    const strip = (text: string): string => {
      let rest = text
      for (;;) {
        const next = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ')
        if (next === rest) return rest
        rest = next
      }
    }
    const hasLetters = (text: string): boolean => /\p{L}/u.test(strip(text).replaceAll(OPEN, '').replaceAll(CLOSE, ''))
    const describe = (el: Element): string => {
      const id = el.getAttribute('data-testid')
      return `${el.tagName.toLowerCase()}${id ? `[data-testid="${id}"]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`
    }
    const found: { where: string; text: string }[] = []
    // Texts: the body's text without user content, as one string, so a catalogue text with markup
    // inside (<Trans>) still reads as one wrapped text. What is left after removing wrapped texts is
    // reported in pieces.
    const copy = document.body.cloneNode(true) as HTMLElement
    const userContent = '[translate="no"], script, style, noscript, .ProseMirror, [aria-hidden="true"]'
    for (const el of Array.from(copy.querySelectorAll(userContent))) {
      el.remove()
    }
    const leftover = strip(copy.textContent ?? '')
      .split(/\s{2,}|[⟦⟧]/)
      .map((piece) => piece.trim())
      .filter((piece) => /\p{L}/u.test(piece))
    for (const piece of leftover) found.push({ where: 'text', text: piece.slice(0, 120) })
    const elements = document.body.querySelectorAll('*')
    for (const el of Array.from(elements)) {
      if (el.closest(userContent) !== null) continue
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
        const value = el.getAttribute(attr)
        if (value !== null && hasLetters(value))
          found.push({ where: `${describe(el)}@${attr}`, text: value.slice(0, 120) })
      }
    }
    const title = document.title
    if (hasLetters(title)) found.push({ where: 'document.title', text: title })
    return found
  })
}

/** Throws, listing them, when the page shows texts that are not from the catalogue. */
export async function expectOnlyCatalogueTexts(page: Page, what: string): Promise<void> {
  const found = await uncataloguedTexts(page)
  if (found.length === 0) return
  const list = found.map((f) => `- ${f.where}: ${JSON.stringify(f.text)}`).join('\n')
  throw new Error(`${what}: ${found.length} text(s) not from the message catalogue\n${list}`)
}
