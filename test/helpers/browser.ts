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
import { waitFor } from './waitFor.ts'

export const CHROMIUM_PATH = '/usr/bin/chromium'

export const DEMO_PASSWORD = 'novex-demo'

export const DEMO_USERS = {
  rijkAuteur: 'rijk.auteur@novex.example',
  provincieAuteur: 'provincie.auteur@novex.example',
  rijkOndertekenaar: 'rijk.ondertekenaar@novex.example',
  provincieOndertekenaar: 'provincie.ondertekenaar@novex.example',
  meelezer: 'meelezer@novex.example',
  lezer: 'lezer@novex.example',
} as const

/** The save-status texts of the client's contract. */
export const SaveStatus = {
  connecting: 'Verbinden…',
  saving: 'Opslaan…',
  saved: 'Opgeslagen',
  offline: 'Offline — wijzigingen worden lokaal bewaard',
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
  close(): Promise<void>
}

export interface UserContextOptions {
  /** Demo account to log in with (default the Rijk author). */
  readonly email?: string
  readonly password?: string
}

/**
 * A new isolated browser context logged in as a demo user. The login goes through the API
 * (`POST /api/session`) with the context's own request client, which shares the context's cookie
 * jar, so every page of the context carries the session cookie.
 */
export async function newUserContext(
  browser: Browser,
  baseUrl: string,
  options: UserContextOptions = {},
): Promise<UserContext> {
  const email = options.email ?? DEMO_USERS.rijkAuteur
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } })
  context.setDefaultTimeout(15_000)
  const problems: PageProblem[] = []
  const watch = (page: Page): void => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push({ kind: 'console', page: page.url(), text: message.text() })
    })
    page.on('pageerror', (error) => {
      problems.push({ kind: 'pageerror', page: page.url(), text: `${error.name}: ${error.message}` })
    })
  }
  context.on('page', watch)
  const response = await context.request.post('/api/session', {
    data: { email, password: options.password ?? DEMO_PASSWORD },
  })
  // 404: a server build without sessions yet (every visitor may edit); anything else must be a login.
  if (response.status() !== 200 && response.status() !== 404) {
    await context.close()
    throw new Error(`login as ${email} failed: ${response.status()} ${await response.text()}`)
  }
  const page = await context.newPage()
  return {
    context,
    page,
    email,
    problems,
    newPage: () => context.newPage(),
    unexpectedProblems: (allowed = []) => problems.filter((p) => !allowed.some((re) => re.test(p.text))),
    close: () => context.close(),
  }
}

export interface DocumentSummary {
  readonly id: string
  readonly kind: 'ontwikkelperspectief' | 'ruimtelijk-voorstel'
  readonly title: string
  readonly areaId?: string
  readonly provinceId?: string
}

/** `GET /api/documents` as the context's user. */
export async function listDocuments(context: BrowserContext): Promise<DocumentSummary[]> {
  const response = await context.request.get('/api/documents')
  if (response.status() !== 200) throw new Error(`GET /api/documents: ${response.status()}`)
  return (await response.json()) as DocumentSummary[]
}

/** The id of an area's ontwikkelperspectief (e.g. `de-peel`). */
export async function perspectiveIdOf(context: BrowserContext, areaId: string): Promise<string> {
  const documents = await listDocuments(context)
  const found = documents.find((d) => d.kind === 'ontwikkelperspectief' && d.areaId === areaId)
  if (!found) throw new Error(`no ontwikkelperspectief for ${areaId} in ${JSON.stringify(documents)}`)
  return found.id
}

// ---- the document page -------------------------------------------------------------------------

/** Opens `/document/<id>` and waits until the sections are rendered and editable. */
export async function openDocument(page: Page, documentId: string): Promise<void> {
  await page.goto(`/document/${encodeURIComponent(documentId)}`)
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

/** The visible text of a section's editor. */
export async function editorText(page: Page, sectionId: string): Promise<string> {
  return (await editorOf(page, sectionId).textContent()) ?? ''
}

/** Puts the caret at the very end of a section's editor and types `text` key by key. */
export async function typeAtEnd(page: Page, sectionId: string, text: string): Promise<void> {
  await editorOf(page, sectionId).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
}

/** Puts the caret at the very start of a section's editor and types `text` key by key. */
export async function typeAtStart(page: Page, sectionId: string, text: string): Promise<void> {
  await editorOf(page, sectionId).click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.type(text)
}

export async function saveStatusText(page: Page): Promise<string> {
  return ((await page.locator('[data-testid="save-status"]').textContent()) ?? '').trim()
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

/** Sets the display name through the page's name input (the client keeps it in localStorage). */
export async function setUserName(page: Page, name: string): Promise<void> {
  const input = page.locator('[data-testid="user-name"]')
  await input.fill(name)
  await input.press('Enter')
  await input.blur()
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
