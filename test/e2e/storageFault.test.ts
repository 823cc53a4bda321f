// The server cannot write its database for a while (here another process holds the write lock; a
// full disk takes the same path). What the user typed must stay on the page, the page must say why
// nothing is saved, stay connected, and store it without the user doing anything once writing works
// again: then it says "Opgeslagen" and the notice goes away.

import { openDatabase } from '@novex/server'
import { getSection, type SectionId, sectionPlainText } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  editorText,
  newUserContext,
  openDocument,
  perspectiveIdOf,
  SaveStatus,
  saveStatusText,
  sectionIds,
  typeAtEnd,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

describe('a storage fault while typing', () => {
  const parts = useServerAndBrowser()

  it('keeps the typing, says why it is not saved, and stores it once the database works again', async () => {
    const server = parts.server()
    const browser = parts.browser()
    const user = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
    const documentId = await perspectiveIdOf(user.page, 'de-peel')
    let sockets = 0
    user.page.on('websocket', () => {
      sockets++
    })
    await openDocument(user.page, documentId)
    await waitForSaveStatus(user.page, SaveStatus.saved)
    const sectionId = (await sectionIds(user.page))[2] as SectionId
    const refusal = user.page.getByTestId('refusal')
    const notice = user.page.getByTestId('access-notice')

    const lock = openDatabase(server.dataDir)
    lock.exec('BEGIN IMMEDIATE')
    try {
      await typeAtEnd(user.page, sectionId, ' Tijdens de storing.')
      await waitFor(async () => (await refusal.getAttribute('data-reason').catch(() => null)) === 'storage', {
        message: 'the storage notice',
      })
      expect(await refusal.textContent()).toContain('vanzelf opgeslagen zodra dat weer lukt')
      expect(await saveStatusText(user.page)).not.toBe(SaveStatus.saved)
      // Why the page is read-only now: not a right taken away, the server's storage.
      expect(await notice.getAttribute('data-cause')).toBe('storage')
      expect(await notice.textContent()).toContain('kan dit document op dit moment niet opslaan')
      // Read out as it appears (a polite live region that was there before), the focus stays in the text.
      const status = user.page.getByTestId('access-status')
      expect(await status.getAttribute('role')).toBe('status')
      expect(await status.getAttribute('aria-live')).toBe('polite')
    } finally {
      lock.exec('ROLLBACK')
      lock.close()
    }
    const shown = await editorText(user.page, sectionId)
    expect(shown).toContain(' Tijdens de storing.')

    await waitForSaveStatus(user.page, SaveStatus.saved, 20_000)
    await waitFor(async () => (await refusal.count()) === 0, { message: 'the notice to go once all is saved' })
    expect(await notice.count()).toBe(0)
    expect(await editorText(user.page, sectionId)).toBe(shown)
    const stored = getSection(readCommitted(server.dataDir, documentId).doc, sectionId)
    expect(stored && sectionPlainText(stored)).toContain(' Tijdens de storing.')
    expect(sockets).toBe(1)
    user.assertNoProblems()
    await user.close()
  })
})
