// The server cannot open a document: a stored row is corrupt (a disk fault, a bad hand edit), so the
// server quarantines it and refuses it (a join closes with 4003, a reconnect is refused at the upgrade
// with 503, which a browser's WebSocket cannot read). The page must not blame the user's network: it
// says the server cannot open the document and that the administrator knows, keeps what the user types
// in this browser, and keeps trying; the document list marks it. Once an operator has repaired the
// document and restarted the server, the page reconnects by itself, the notice goes, and the text typed
// meanwhile is stored.
import { openDatabase } from '@novex/server'
import { getSection, type SectionId, sectionPlainText } from '@novex/shared'
import { afterEach, expect, it } from 'vitest'
import {
  DEMO_USERS,
  editorText,
  launchBrowser,
  newUserContext,
  openDocument,
  perspectiveIdOf,
  SaveStatus,
  saveStatusText,
  sectionIds,
  typeAtEnd,
  type UserContext,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { CORRUPT_ROW } from '../helpers/quarantine.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { NETWORK_NOISE, withServerLogs } from './twoUsers.ts'

let server: RunningServer | null = null
let dataDir = ''
let user: UserContext | null = null
const closeBrowser: Array<() => Promise<void>> = []

afterEach(async () => {
  await user?.close()
  for (const close of closeBrowser.splice(0)) await close()
  await server?.stop()
  server?.cleanup()
  server = null
})

/** Stops the server, changes its database, and starts it again on the same port and data directory. */
async function restartWith(change: (db: ReturnType<typeof openDatabase>) => void): Promise<void> {
  const port = server!.port
  await server!.stop()
  const db = openDatabase(dataDir)
  try {
    change(db)
  } finally {
    db.close()
  }
  server = await startServer({ dataDir, env: { PORT: String(port) } })
}

it('says the server cannot open the document, keeps the typing, and saves it once the document is repaired', async () => {
  server = await startServer()
  dataDir = server.dataDir
  const browser = await launchBrowser()
  closeBrowser.push(() => browser.close())
  user = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
  const { page } = user
  const documentId = await perspectiveIdOf(page, 'de-peel')
  await openDocument(page, documentId)
  await waitForSaveStatus(page, SaveStatus.saved)
  const sectionId = (await sectionIds(page))[1] as SectionId
  const notice = page.getByTestId('access-notice')

  await restartWith((db) => {
    db.prepare('INSERT INTO document_updates (document_id, data, created_at) VALUES (?, ?, ?)').run(
      documentId,
      CORRUPT_ROW,
      Date.now(),
    )
  })
  await waitFor(async () => (await notice.getAttribute('data-cause').catch(() => null)) === 'unavailable', {
    timeout: 30_000,
    message: withServerLogs(server, 'the notice that the server cannot open the document'),
  })
  expect(await notice.textContent()).toContain('kan dit document op dit moment niet openen')
  expect(await notice.textContent()).toContain('De beheerder is gewaarschuwd')
  // Read out where it appears, without taking the focus from the text.
  expect(await page.getByTestId('access-status').getAttribute('aria-live')).toBe('polite')
  expect(server.logs.some((line) => line.includes('DOCUMENT QUARANTINED'))).toBe(true)

  // The user keeps working; nothing is saved, and the page does not say it is.
  await typeAtEnd(page, sectionId, ' Geschreven terwijl het document niet beschikbaar was.')
  expect(await editorText(page, sectionId)).toContain('Geschreven terwijl het document niet beschikbaar was.')
  // Not "Offline": the network is fine, and the notice says what is wrong.
  expect(await saveStatusText(page)).toBe(SaveStatus.notSaved)
  // Retrying while the document is quarantined (refused at the upgrade) keeps the notice.
  await page.waitForTimeout(3_000)
  expect(await notice.getAttribute('data-cause')).toBe('unavailable')
  // The document list says so before anyone opens it; the other documents are fine.
  const list = await user.newPage()
  await list.goto('/')
  const card = list.locator(`a.document-card[href="/document/${documentId}"]`)
  await card.getByTestId('document-unavailable').waitFor()
  expect(await card.textContent()).toContain('Tijdelijk niet beschikbaar')
  expect(await list.getByTestId('document-unavailable').count()).toBe(1)
  await list.close()

  // The operator removes the corrupt row (restores the document) and restarts the server.
  await restartWith((db) => {
    db.prepare('DELETE FROM document_updates WHERE document_id = ? AND data = ?').run(documentId, CORRUPT_ROW)
  })
  await waitForSaveStatus(page, SaveStatus.saved, 30_000)
  await waitFor(async () => (await notice.count()) === 0, { message: 'the notice to go' })
  const stored = getSection(readCommitted(server.dataDir, documentId).doc, sectionId)
  expect(stored && sectionPlainText(stored)).toContain('Geschreven terwijl het document niet beschikbaar was.')
  // The browser logs the refused and failed (re)connects, and the server's restarts.
  user.assertNoProblems([...NETWORK_NOISE, /status of 503/, /Unexpected response code: 503/])
})
