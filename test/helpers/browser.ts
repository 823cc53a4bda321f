// Drives the system Chromium (Debian's /usr/bin/chromium) with playwright-core for the end-to-end
// suites: one browser per suite, one browser context per simulated user, and small page helpers
// that speak the client's DOM contract (data-testid attributes, see the client's README).
//
// A fresh profile per launch: `chromium.launch()` (not `launchPersistentContext`) makes Playwright
// create a new temporary --user-data-dir and delete it on close, and every `browser.newContext()`
// is an isolated incognito-like context with its own cookies, localStorage and IndexedDB. So a test
// can close a page and open a new one in the same context (same IndexedDB), but never sees state
// from another context or an earlier run.
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { disableFeaturesSwitch } from './chromiumFeatures.ts'
import { DEMO_PASSWORD, DEMO as DEMO_USERS } from './session.ts'
import { waitFor } from './waitFor.ts'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/** The demo accounts (one list, in session.ts), under the name the browser suites use. */
export { DEMO as DEMO_USERS, DEMO_PASSWORD } from './session.ts'

/** The save-status texts of the client's contract. */
export const SaveStatus = {
  connecting: 'Verbinden…',
  saving: 'Opslaan…',
  saved: 'Opgeslagen',
  offline: 'Offline — wijzigingen worden lokaal bewaard',
  /** The server cannot open the document (the network is fine). */
  notSaved: 'Niet opgeslagen — wijzigingen worden in deze browser bewaard',
} as const

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      disableFeaturesSwitch(),
    ],
  })
}

/** A browser error seen on a page: console.error output or an uncaught exception. */
export interface PageProblem {
  readonly kind: 'console' | 'pageerror'
  readonly page: string
  readonly text: string
}

export interface UserContext {
  readonly context: BrowserContext
  /** The first page, opened by `newUserContext`. */
  readonly page: Page
  readonly email: string
  /** Console errors and uncaught page errors of every page of this context, in order. */
  readonly problems: PageProblem[]
  /** Opens another page in the same context (same cookies, localStorage, IndexedDB). */
  newPage(): Promise<Page>
  /** The problems not matched by any of `allowed` (e.g. the expected failed reconnects while offline). */
  unexpectedProblems(allowed?: readonly RegExp[]): PageProblem[]
  /** Throws, listing them, if there are unexpected problems. */
  assertNoProblems(allowed?: readonly RegExp[]): void
  close(): Promise<void>
}

export interface UserContextOptions {
  /** Demo account to log in with (default the Rijk author). */
  readonly email?: string
  readonly password?: string
  /**
   * 'block' keeps the client's service worker out, so `page.route` sees every request of the page
   * (requests a service worker answers bypass page routes). Default 'allow', as for a user.
   */
  readonly serviceWorkers?: 'allow' | 'block'
}

/**
 * A new isolated browser context logged in as a demo user. The login is the client's own call
 * (`POST /api/session` by `fetch` from a page of the server's origin), so the browser keeps the
 * session cookie exactly as it does for a person logging in, and every page of the context sends it.
 */
export async function newUserContext(
  browser: Browser,
  baseUrl: string,
  options: UserContextOptions = {},
): Promise<UserContext> {
  const email = options.email ?? DEMO_USERS.rijkAuteur
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    serviceWorkers: options.serviceWorkers ?? 'allow',
  })
  context.setDefaultTimeout(15_000)
  const problems: PageProblem[] = []
  // What the fixture's own page at /healthz logs (a missing favicon) is not the application's business,
  // also when the browser reports it late, after the login, as it does on a busy machine.
  const fixturePage = (url: string): boolean => URL.canParse(url) && new URL(url).pathname === '/healthz'
  const watch = (page: Page): void => {
    page.on('console', (message) => {
      const url = page.url()
      if (message.type() === 'error' && !fixturePage(url))
        problems.push({ kind: 'console', page: url, text: message.text() })
    })
    page.on('pageerror', (error) => {
      problems.push({ kind: 'pageerror', page: page.url(), text: `${error.name}: ${error.message}` })
    })
  }
  context.on('page', watch)
  const page = await context.newPage()
  try {
    await page.goto('/healthz')
    const login = await fetchJson(page, 'POST', '/api/session', { email, password: options.password ?? DEMO_PASSWORD })
    if (login.status !== 200) {
      throw new Error(`login as ${email} failed: ${login.status} ${JSON.stringify(login.body)}`)
    }
  } catch (error) {
    await context.close()
    throw error
  }
  // What the fixture's own page logged (e.g. a missing favicon) is not the application's business.
  problems.length = 0
  const unexpectedProblems = (allowed: readonly RegExp[] = []): PageProblem[] =>
    problems.filter((p) => !allowed.some((re) => re.test(p.text)))
  return {
    context,
    page,
    email,
    problems,
    newPage: () => context.newPage(),
    unexpectedProblems,
    assertNoProblems(allowed = []) {
      const found = unexpectedProblems(allowed)
      if (found.length > 0) {
        const list = found.map((p) => `  ${p.kind} on ${p.page}: ${p.text}`).join('\n')
        throw new Error(`${email}'s pages reported ${found.length} error(s):\n${list}`)
      }
    },
    close: () => context.close(),
  }
}

/**
 * The end of a browser test: every user's pages logged no unexpected problem (the first one found is
 * thrown), and every context is closed, also when one of them did log one.
 */
export async function closeWithoutProblems(...users: readonly UserContext[]): Promise<void> {
  const failures: unknown[] = []
  for (const user of users) {
    try {
      user.assertNoProblems()
    } catch (error) {
      failures.push(error)
    }
  }
  await Promise.all(users.map((user) => user.close()))
  if (failures.length > 0) throw failures[0]
}

/** A same-origin `fetch` from the page (with its cookies); the body is parsed as JSON when it is JSON. */
export async function fetchJson(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await response.text()
      let parsed: unknown = text
      try {
        parsed = JSON.parse(text)
      } catch {
        // Not JSON (an HTML error page, say): keep the text for the error message.
      }
      return { status: response.status, body: parsed }
    },
    { method, path, body },
  )
}

export interface DocumentSummary {
  readonly id: string
  readonly kind: 'ontwikkelperspectief' | 'ruimtelijk-voorstel'
  readonly title: string
  readonly areaId?: string
  readonly provinceId?: string
}

/** `GET /api/documents` as the page's user. */
export async function listDocuments(page: Page): Promise<DocumentSummary[]> {
  const response = await fetchJson(page, 'GET', '/api/documents')
  if (response.status !== 200) throw new Error(`GET /api/documents: ${response.status}`)
  return response.body as DocumentSummary[]
}

/** The id of an area's ontwikkelperspectief (e.g. `de-peel`). */
export async function perspectiveIdOf(page: Page, areaId: string): Promise<string> {
  const documents = await listDocuments(page)
  const found = documents.find((d) => d.kind === 'ontwikkelperspectief' && d.areaId === areaId)
  if (!found) throw new Error(`no ontwikkelperspectief for ${areaId} in ${JSON.stringify(documents)}`)
  return found.id
}

// ---- the document page -------------------------------------------------------------------------

/** Opens `/document/<id>` and waits until the sections are rendered and editable. */
export async function openDocument(page: Page, documentId: string): Promise<void> {
  await page.goto(`/document/${encodeURIComponent(documentId)}`)
  try {
    await page.locator('[data-testid="section"] [data-testid="section-content"] .ProseMirror').first().waitFor()
  } catch (error) {
    const shown = await page.evaluate(() => (document.body.textContent ?? '').slice(0, 600)).catch(() => '(page gone)')
    throw new Error(`document ${documentId} did not open at ${page.url()}; the page shows:\n${shown}`, {
      cause: error,
    })
  }
}

/** Opens the document the way a person does: the document list at `/`, then its link. */
export async function openFromList(page: Page, documentId: string): Promise<void> {
  await page.goto('/')
  await page.locator(`a[href="/document/${documentId}"]`).first().click()
  await page.waitForURL(`**/document/${documentId}`)
  await page.locator('[data-testid="section"] [data-testid="section-content"] .ProseMirror').first().waitFor()
}

export function sectionLocator(page: Page, sectionId: string): Locator {
  return page.locator(`[data-testid="section"][data-section-id="${sectionId}"]`)
}

/**
 * The section's own Tiptap editor. `.first()` because a layout that nests subsections inside
 * their parent's element would also match the children's editors, which come after the parent's.
 */
export function editorOf(page: Page, sectionId: string): Locator {
  return sectionLocator(page, sectionId).locator('[data-testid="section-content"] .ProseMirror').first()
}

export function titleInputOf(page: Page, sectionId: string): Locator {
  return sectionLocator(page, sectionId).locator('[data-testid="section-title"]').first()
}

export function sectionButton(
  page: Page,
  sectionId: string,
  action: 'move-up' | 'move-down' | 'add-subsection' | 'delete-section' | 'drag-handle',
): Locator {
  return sectionLocator(page, sectionId).locator(`[data-testid="${action}"]`).first()
}

/** Section ids in document (DOM) order. */
export async function sectionIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="section"][data-section-id]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-section-id') ?? ''))
}

/** The section titles in document order (the value of each title input). */
export async function sectionTitles(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="section"][data-section-id] [data-testid="section-title"]')
    .evaluateAll((nodes) => nodes.map((n) => (n instanceof HTMLInputElement ? n.value : (n.textContent ?? ''))))
}

/**
 * The text of a section's editor: its paragraphs joined by newlines, without the remote carets'
 * name labels (widgets inside the editor's DOM, not document text).
 */
export async function editorText(page: Page, sectionId: string): Promise<string> {
  return editorOf(page, sectionId).evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement
    for (const caret of Array.from(copy.querySelectorAll('.collaboration-carets__caret'))) caret.remove()
    const blocks = Array.from(copy.children)
    return blocks.map((block) => block.textContent ?? '').join('\n')
  })
}

/**
 * Waits until a section's editor shows the same text on every page, and returns that text; the
 * error names what each page showed last.
 */
export async function waitForSameText(pages: readonly Page[], sectionId: string, timeout = 15_000): Promise<string> {
  let last: string[] = []
  try {
    await waitFor(
      async () => {
        last = await Promise.all(pages.map((page) => editorText(page, sectionId)))
        return last.every((text) => text === last[0])
      },
      { timeout, message: `the same text in section ${sectionId} on ${pages.length} pages` },
    )
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\n${last.map((t, i) => `  page ${i}: ${JSON.stringify(t)}`).join('\n')}`,
    )
  }
  return last[0] ?? ''
}

/**
 * Where the caret is in a section's editor, counted in characters of document text (remote carets'
 * labels left out): `offset` of `length`, or null when the selection is not a caret in that editor.
 */
export async function caretPosition(page: Page, sectionId: string): Promise<{ offset: number; length: number } | null> {
  return editorOf(page, sectionId).evaluate((editor) => {
    const selection = editor.ownerDocument.getSelection()
    if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null
    if (!selection.anchorNode || !editor.contains(selection.anchorNode)) return null
    const textOf = (range: Range): number => {
      const copy = range.cloneContents()
      for (const caret of Array.from(copy.querySelectorAll('.collaboration-carets__caret'))) caret.remove()
      return (copy.textContent ?? '').length
    }
    const before = editor.ownerDocument.createRange()
    before.selectNodeContents(editor)
    before.setEnd(selection.anchorNode, selection.anchorOffset)
    const all = editor.ownerDocument.createRange()
    all.selectNodeContents(editor)
    return { offset: textOf(before), length: textOf(all) }
  })
}

/**
 * Whether the editor's own state (ProseMirror's selection, which typing and pasting use) has a caret
 * with no text before it ('start') or after it ('end'). Tiptap hangs its Editor on the element.
 */
function editorStateCaretAt(page: Page, sectionId: string, where: 'start' | 'end'): Promise<boolean> {
  return editorOf(page, sectionId).evaluate((element, at) => {
    interface StateOf {
      readonly editor?: {
        readonly state: {
          readonly selection: { readonly from: number; readonly empty: boolean }
          readonly doc: { readonly content: { readonly size: number }; textBetween(from: number, to: number): string }
        }
      }
    }
    const state = (element as unknown as StateOf).editor?.state
    if (!state?.selection.empty) return false
    const { from } = state.selection
    const text = at === 'start' ? state.doc.textBetween(0, from) : state.doc.textBetween(from, state.doc.content.size)
    return text === ''
  }, where)
}

/**
 * Waits until the caret sits at the start or the end of the section's text: on the screen (the DOM
 * selection) and in the editor's state, which can lag behind or be put back by a remote change.
 */
async function waitForCaretAt(page: Page, sectionId: string, where: 'start' | 'end', timeout = 5_000): Promise<void> {
  let last: { offset: number; length: number } | null = null
  let inState = false
  await waitFor(
    async () => {
      last = await caretPosition(page, sectionId)
      inState = await editorStateCaretAt(page, sectionId, where)
      return last !== null && last.offset === (where === 'start' ? 0 : last.length) && inState
    },
    { timeout, message: `the caret at the ${where} of section ${sectionId}` },
  ).catch((error: Error) => {
    throw new Error(`${error.message} (caret at ${JSON.stringify(last)}, editor state agrees: ${inState})`, {
      cause: error,
    })
  })
}

/**
 * Puts the caret at the very end of a section's editor (Ctrl+End) and types `text` key by key. While
 * another user types in the same editor, a remote change that lands between the key press and
 * ProseMirror reading the new DOM selection can put the old selection back (seen about once in
 * twenty runs under load); the helper then presses Ctrl+End again, as a person would.
 */
export async function typeAtEnd(page: Page, sectionId: string, text: string): Promise<void> {
  await editorOf(page, sectionId).click()
  await caretToEnd(page, sectionId)
  await page.keyboard.type(text)
}

/**
 * Ctrl+End in the focused section editor, again until the caret is at the end (see typeAtEnd). A
 * retry first moves the caret away (Ctrl+Home), so that the browser reports a selection change even
 * when only the editor's state, not the screen, had the caret elsewhere.
 */
export async function caretToEnd(page: Page, sectionId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) await page.keyboard.press('Control+Home')
    await page.keyboard.press('Control+End')
    try {
      await waitForCaretAt(page, sectionId, 'end', 1_500)
      break
    } catch (error) {
      if (attempt >= 4) throw error
    }
  }
}

/**
 * Puts the caret at the very start of a section's editor and types `text` key by key. The caret is
 * placed by clicking the left half of the first character, not with Ctrl+Home: a Ctrl+Home sent by
 * Playwright moves the DOM selection, but Tiptap/ProseMirror then writes its previous selection back
 * (seen with a bare Tiptap StarterKit editor too, so not this client's doing); Ctrl+End is not affected.
 */
export async function typeAtStart(page: Page, sectionId: string, text: string): Promise<void> {
  await editorOf(page, sectionId).scrollIntoViewIfNeeded()
  const point = await editorOf(page, sectionId).evaluate((editor) => {
    const walker = editor.ownerDocument.createTreeWalker(editor, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent || node.parentElement?.closest('.collaboration-carets__caret')) continue
      const range = editor.ownerDocument.createRange()
      range.setStart(node, 0)
      range.setEnd(node, 1)
      const box = range.getBoundingClientRect()
      return { x: box.left + 1, y: box.top + box.height / 2 }
    }
    return null
  })
  if (point) await page.mouse.click(point.x, point.y)
  else await editorOf(page, sectionId).click()
  await waitForCaretAt(page, sectionId, 'start')
  await page.keyboard.type(text)
}

export async function saveStatusText(page: Page): Promise<string> {
  return ((await page.locator('[data-testid="save-status"]').textContent()) ?? '').trim()
}

/**
 * What the save indicator's polite live region says (what a screen reader announces), checked to be a
 * live region: the visible indicator flips with every keystroke and is not one.
 */
export async function saveAnnouncement(page: Page): Promise<string> {
  const region = page.locator('[data-testid="save-announcement"]')
  if ((await region.getAttribute('aria-live')) !== 'polite') throw new Error('the save announcement is not polite')
  return (await region.textContent()) ?? ''
}

/** Waits until the save status reads exactly `expected`. */
export async function waitForSaveStatus(page: Page, expected: string, timeout = 15_000): Promise<void> {
  let last = ''
  try {
    await waitFor(
      async () => {
        last = await saveStatusText(page)
        return last === expected
      },
      { timeout, message: `save status "${expected}"` },
    )
  } catch (error) {
    throw new Error(`${(error as Error).message} (last seen: "${last}")`)
  }
}

/**
 * Records every text the save-status element shows from now on (a MutationObserver in the page),
 * so a test can assert on transitions that a poll could miss.
 */
export async function recordSaveStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __novexStatusHistory?: string[] }
    const history: string[] = []
    w.__novexStatusHistory = history
    const read = (): void => {
      const text = (document.querySelector('[data-testid="save-status"]')?.textContent ?? '').trim()
      if (history.at(-1) !== text) history.push(text)
    }
    read()
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  return () =>
    page.evaluate(() => [...((window as unknown as { __novexStatusHistory?: string[] }).__novexStatusHistory ?? [])])
}
