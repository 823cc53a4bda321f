// The status line of a document opened from the copy the browser kept of it (IndexedDB) before that copy
// is synced: a trekker opened IJkmoment 1 while the author was away, and the author's page says
// "IJkmoment 1" (the server's status, from the document's metadata) at once, not the copy's "Concept".
// The sync connection is held back (routeWebSocket, never connected to the server) to make that moment
// last; once it is let through, the live status agrees.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  closeWithoutProblems,
  DEMO_USERS,
  editorText,
  launchBrowser,
  newUserContext,
  openDocument,
  sectionIds,
  type UserContext,
} from '../helpers/browser.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { login } from '../helpers/session.ts'
import { postJson } from '../helpers/signoff.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { indexedDbHolds } from './indexedDb.ts'

let server: RunningServer
let author: UserContext
let closeBrowser: () => Promise<void>

beforeAll(async () => {
  server = await startServer()
  const browser = await launchBrowser()
  closeBrowser = () => browser.close()
  author = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieAuteur })
}, 60_000)

afterAll(async () => {
  await closeBrowser?.()
  await server?.stop()
  server?.cleanup()
})

const shownStatus = (page: Page): Promise<string | null> =>
  page.locator('[data-testid="document-status"]').getAttribute('data-status')

it('shows the server status, not the stale local copy, until the copy is synced', async () => {
  const { page } = author
  await openDocument(page, DE_PEEL)
  expect(await shownStatus(page)).toBe('concept')
  const firstSection = (await sectionIds(page))[0] ?? ''
  const someText = (await editorText(page, firstSection)).slice(0, 30)
  await waitFor(() => indexedDbHolds(page, someText), { message: 'the local copy stored in IndexedDB' })
  await page.goto('/')

  // While the author is away, the trekker opens the first ijkmoment.
  const trekker = await login(server, DEMO_USERS.rijkOndertekenaar)
  expect((await postJson(server, trekker, `/api/documents/${DE_PEEL}/review/open`, {})).status).toBe(200)

  // Back, with the sync connection held: the page opens from its local copy, which still says Concept.
  let held = 0
  await page.routeWebSocket(/\/sync\//, () => {
    held++
  })
  await openDocument(page, DE_PEEL)
  await page.locator('.document-kind').waitFor() // the metadata arrived
  expect(held).toBeGreaterThan(0)
  expect(await editorText(page, firstSection)).toContain(someText)
  expect(await shownStatus(page)).toBe('ijkmoment-1')
  await expect.poll(() => page.getByTestId('document-status').textContent()).toContain('IJkmoment 1')

  // Let the connection through: synced, the live status says the same.
  await page.unrouteAll()
  await page.reload()
  await openDocument(page, DE_PEEL)
  await waitFor(async () => (await shownStatus(page)) === 'ijkmoment-1', { message: 'the live status' })
  await closeWithoutProblems(author)
})
