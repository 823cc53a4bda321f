// The server cannot write its database for a while (here another process holds the write lock; a
// full disk takes the same path). What the user typed must stay on the page, the page must say why
// nothing is saved, stay connected, and store it without the user doing anything once writing works
// again: then it says "Opgeslagen" and the notice goes away.
//
// The text is typed key by key, one update per key: the first key's write fails (the server then
// tells the page it may only read), and the keys that reach the server after that are refused
// (`storage`); a single update would get the notice but no refusal. How many keys the page takes
// before it turns read-only depends on the machine's speed (on a loaded one it can be a few), so the
// test reads what the editor took and holds the page to exactly that: a prefix of the typed text, on
// the page throughout, and stored in the end.

import { openDatabase } from '@novex/server'
import { getSection, type SectionId, sectionPlainText } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  editorOf,
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
    const before = await editorText(user.page, sectionId)
    const typed = ' Tijdens de storing.'

    const lock = openDatabase(server.dataDir)
    lock.exec('BEGIN IMMEDIATE')
    let kept = ''
    try {
      await typeAtEnd(user.page, sectionId, typed)
      await waitFor(async () => (await refusal.getAttribute('data-reason').catch(() => null)) === 'storage', {
        message: 'the storage notice',
      })
      // Read-only now (the text still takes a caret, to comment): the keys typed after this did not go in.
      const editor = editorOf(user.page, sectionId)
      await waitFor(async () => (await editor.getAttribute('aria-readonly')) === 'true', { message: 'read-only text' })
      // What the editor took: the text as it was, and the typed keys up to the moment it turned
      // read-only, at least two (one whose write failed, one or more refused); none of them lost.
      const shown = await editorText(user.page, sectionId)
      expect(shown.startsWith(before), `${JSON.stringify(shown)} starts with the text before`).toBe(true)
      kept = shown.slice(before.length)
      expect(typed.startsWith(kept), `${JSON.stringify(kept)} is what was typed, from its start`).toBe(true)
      expect(kept.length).toBeGreaterThanOrEqual(2)
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
    const shown = before + kept

    await waitForSaveStatus(user.page, SaveStatus.saved, 20_000)
    await waitFor(async () => (await refusal.count()) === 0, { message: 'the notice to go once all is saved' })
    expect(await notice.count()).toBe(0)
    expect(await editorText(user.page, sectionId)).toBe(shown)
    // Stored as the page showed it: the paragraph typed in, with every key it took.
    const stored = getSection(readCommitted(server.dataDir, documentId).doc, sectionId)
    const paragraph = shown.split('\n').at(-1) ?? ''
    expect(stored && sectionPlainText(stored)).toContain(paragraph.trimEnd())
    expect(sockets).toBe(1)
    user.assertNoProblems()
    await user.close()
  })
})
