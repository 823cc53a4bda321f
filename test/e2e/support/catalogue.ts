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

/**
 * The texts on the page (or, with `scope`, inside the elements matching that selector) that are
 * neither catalogue texts nor user content. A feature's test can check its own panel or dialog, so a
 * text elsewhere on the page does not decide its outcome.
 */
export async function uncataloguedTexts(page: Page, scope = 'body'): Promise<UncataloguedText[]> {
  return page.evaluate((rootSelector) => {
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
    const userContent = '[translate="no"], script, style, noscript, .ProseMirror, [aria-hidden="true"]'
    const found: { where: string; text: string }[] = []
    const roots = Array.from(document.querySelectorAll(rootSelector))
    if (roots.length === 0) return [{ where: rootSelector, text: '(nothing on the page matches)' }]
    for (const root of roots) {
      // Texts: the root's text without user content, as one string, so a catalogue text with markup
      // inside (<Trans>) still reads as one wrapped text. What is left after removing wrapped texts is
      // reported in pieces.
      const copy = root.cloneNode(true) as HTMLElement
      for (const el of Array.from(copy.querySelectorAll(userContent))) el.remove()
      const leftover = strip(copy.textContent ?? '')
        .split(/\s{2,}|[⟦⟧]/)
        .map((piece) => piece.trim())
        .filter((piece) => /\p{L}/u.test(piece))
      for (const piece of leftover) found.push({ where: `${rootSelector} text`, text: piece.slice(0, 120) })
      // Accessible names and hints.
      for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
        if (el.closest(userContent) !== null) continue
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
          const value = el.getAttribute(attr)
          if (value !== null && hasLetters(value))
            found.push({ where: `${describe(el)}@${attr}`, text: value.slice(0, 120) })
        }
      }
    }
    if (rootSelector === 'body' && hasLetters(document.title))
      found.push({ where: 'document.title', text: document.title })
    return found
  }, scope)
}

/** Throws, listing them, when the page (or the part `scope` selects) shows texts not from the catalogue. */
export async function expectOnlyCatalogueTexts(page: Page, what: string, scope?: string): Promise<void> {
  const found = await uncataloguedTexts(page, scope)
  if (found.length === 0) return
  const list = found.map((f) => `- ${f.where}: ${JSON.stringify(f.text)}`).join('\n')
  throw new Error(`${what}: ${found.length} text(s) not from the message catalogue\n${list}`)
}
