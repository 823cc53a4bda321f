// Refused changes are never lost (issue 4). A user edits two sections offline while both parties sign
// one of them; back online, the server refuses the whole offline batch because it touches the locked
// section. The page rebuilds the document from the server's state under a fresh client id (once, not
// in a loop), replays the edit to the open section, and shows the refused text in a dialog to copy.
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  editorOf,
  editorText,
  newUserContext,
  openDocument,
  recordSaveStatus,
  SaveStatus,
  saveStatusText,
  sectionIds,
  sectionLocator,
  typeAtEnd,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { indexedDbHolds } from './indexedDb.ts'
import { type RefusingProxy, routeThroughRefusingProxy } from './refusingProxy.ts'
import { signForBothSides } from './signSection.ts'
import { explainFailure, NETWORK_NOISE, openTwoUsers, type TwoUsers } from './twoUsers.ts'

/** The section that holds the keyboard focus, if any. */
function focusedSection(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.activeElement?.closest('[data-section-id]')?.getAttribute('data-section-id') ?? null,
  )
}

/** Reloads the page with its sync sockets behind the refusing proxy; `y` is De Peel's third section. */
async function behindRefusingProxy(page: Page): Promise<{ proxy: RefusingProxy; y: string }> {
  const proxy = await routeThroughRefusingProxy(page)
  await page.reload()
  await waitForSaveStatus(page, SaveStatus.saved)
  const y = (await sectionIds(page))[2]
  if (!y) throw new Error('De Peel has fewer than three sections')
  return { proxy, y }
}

/** A section of the Noord-Brabant voorstel that De Peel can link to. */
const LINK_TARGET = 'Wonen en verstedelijking'

describe('refused changes', () => {
  let users: TwoUsers

  beforeEach(async () => {
    users = await openTwoUsers()
  })

  afterEach(async () => {
    await users?.close()
  })

  it('offline edits to a section that locked meanwhile: refused text in a dialog, the other section replayed, no reconnect loop', async () => {
    const { rijk, provincie, documentId, server } = users
    const [, x, y] = await sectionIds(rijk.page)
    if (!x || !y) throw new Error('De Peel has fewer than three sections')
    const signedText = await editorText(provincie.page, x)

    await users.goOffline(rijk)
    await waitForSaveStatus(rijk.page, SaveStatus.offline)
    await typeAtEnd(rijk.page, x, ' Offline in X door Rijk.')
    await typeAtEnd(rijk.page, y, ' Offline in Y door Rijk.')

    await signForBothSides(server, documentId, x)
    await sectionLocator(provincie.page, x).and(provincie.page.locator('[data-locked="true"]')).waitFor()

    let sockets = 0
    rijk.page.on('websocket', () => {
      sockets += 1
    })
    await rijk.context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const statusHistory = await recordSaveStatus(rijk.page)
    await users.goOnline(rijk)

    const dialog = rijk.page.getByRole('dialog')
    await explainFailure(server, { offline: rijk.page, other: provincie.page }, () =>
      dialog.waitFor({ timeout: 20_000 }),
    )
    expect(await dialog.getAttribute('data-testid')).toBe('refused-dialog')
    expect(await dialog.locator('[data-testid="refused-text"]').allInnerTexts()).toEqual(['Offline in X door Rijk.'])
    expect(await rijk.page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true)

    // X holds the signed text, on the page and on the server (the other user's page is a live copy).
    expect(await editorText(rijk.page, x)).toBe(signedText)
    expect(await editorText(provincie.page, x)).toBe(signedText)
    // Y keeps the offline text, on the server too.
    expect(await editorText(rijk.page, y)).toContain('Offline in Y door Rijk.')
    await waitFor(async () => (await editorText(provincie.page, y)).includes('Offline in Y door Rijk.'), {
      timeout: 15_000,
      message: "the replayed edit in Y at the other user's",
    })
    await waitForSaveStatus(rijk.page, SaveStatus.saved, 20_000)
    // What the server stored, seen by a fresh browser that never held the page's copy.
    const fresh = await newUserContext(users.browser, server.httpUrl, { email: DEMO_USERS.provincieAuteur })
    try {
      await openDocument(fresh.page, documentId)
      await waitForSaveStatus(fresh.page, SaveStatus.saved)
      expect(await editorText(fresh.page, y)).toContain('Offline in Y door Rijk.')
      expect(await editorText(fresh.page, x)).toBe(signedText)
    } finally {
      await fresh.close()
    }
    // "Opgeslagen" only once everything, the replayed edit included, is acknowledged: never before.
    const seen = await statusHistory()
    expect(seen.at(-1)).toBe(SaveStatus.saved)
    expect(seen.filter((status) => status === SaveStatus.saved)).toHaveLength(1)

    // One connection after coming back online and one for the rebuild; then quiet, not a loop.
    const afterRecovery = sockets
    expect(afterRecovery).toBeLessThanOrEqual(2)
    await new Promise((resolve) => setTimeout(resolve, 4_000))
    expect(sockets).toBe(afterRecovery)

    await dialog.locator('[data-testid="refused-copy"]').click()
    await waitFor(
      async () => (await rijk.page.evaluate(() => navigator.clipboard.readText())) === 'Offline in X door Rijk.',
      {
        timeout: 5_000,
        message: 'the refused text on the clipboard',
      },
    )

    // The refused text can also be kept as a comment on the signed section, where the signatories see it.
    await dialog.locator('[data-testid="refused-post-comment"]').click()
    await dialog.locator('[data-testid="refused-post-status"]', { hasText: 'Geplaatst' }).waitFor({ timeout: 10_000 })
    await provincie.page
      .locator('[data-testid="comment-thread"]', { hasText: 'Offline in X door Rijk.' })
      .waitFor({ state: 'attached', timeout: 10_000 })

    // Escape closes the dialog and the focus goes back to the section the user was typing in.
    await rijk.page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await waitFor(() => focusedSection(rijk.page).then((id) => id === y), {
      timeout: 5_000,
      message: 'the focus back in section Y',
    }).catch(async (error: Error) => {
      const active = await rijk.page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200))
      throw new Error(`${error.message}; the focus is on ${active}`)
    })
    await expect(editorOf(rijk.page, y).isVisible()).resolves.toBe(true)
    expect(await rijk.page.locator('[data-testid="save-status"]').textContent()).toBe(SaveStatus.saved)

    rijk.assertNoProblems(NETWORK_NOISE)
    provincie.assertNoProblems()
  })

  it('after a reload from the local copy the same happens once, and the replaced copy is not refused again', async () => {
    const { rijk, provincie, documentId, server } = users
    const [, , , x, y] = await sectionIds(rijk.page)
    if (!x || !y) throw new Error('De Peel has fewer than five sections')
    const signedText = await editorText(provincie.page, x)

    await users.goOffline(rijk)
    await waitForSaveStatus(rijk.page, SaveStatus.offline)
    // One insertion each, so each marker is one contiguous string in the stored updates.
    const inX = 'Lokaal-in-X-4b1d'
    const inY = 'Lokaal-in-Y-8e2a'
    await typeAtEnd(rijk.page, x, ' ')
    await rijk.page.keyboard.insertText(inX)
    await typeAtEnd(rijk.page, y, ' ')
    await rijk.page.keyboard.insertText(inY)
    for (const marker of [inX, inY]) {
      await waitFor(() => indexedDbHolds(rijk.page, marker), { timeout: 10_000, message: `${marker} in IndexedDB` })
    }
    await rijk.page.close()

    await signForBothSides(server, documentId, x)
    await users.goOnline(rijk)
    const page = await rijk.newPage()
    await openDocument(page, documentId)

    const dialog = page.locator('[data-testid="refused-dialog"]')
    await explainFailure(server, { reopened: page, other: provincie.page }, () => dialog.waitFor({ timeout: 20_000 }))
    expect(await dialog.locator('[data-testid="refused-text"]').allInnerTexts()).toEqual([inX])
    await waitFor(async () => (await editorText(provincie.page, y)).includes(inY), {
      timeout: 15_000,
      message: "the replayed edit in Y at the other user's",
    })
    expect(await editorText(page, x)).toBe(signedText)
    await waitForSaveStatus(page, SaveStatus.saved, 20_000)
    await dialog.locator('[data-testid="refused-close"]').click()
    await dialog.waitFor({ state: 'detached' })

    // The local copy now is the rebuilt document: the refused text is gone from it, Y's is kept.
    await waitFor(async () => !(await indexedDbHolds(page, inX)), {
      timeout: 10_000,
      message: 'the refused text gone from IndexedDB',
    })
    expect(await indexedDbHolds(page, inY)).toBe(true)

    // A reload opens that copy: nothing is refused any more.
    await page.reload()
    await waitForSaveStatus(page, SaveStatus.saved, 20_000)
    expect(await editorText(page, y)).toContain(inY)
    expect(await editorText(page, x)).toBe(signedText)
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect(await page.locator('[data-testid="refusal"], [data-testid="refused-dialog"]').count()).toBe(0)

    rijk.assertNoProblems(NETWORK_NOISE)
    provincie.assertNoProblems()
  })

  it('names a refused link into the voorstel by its section and document, also after the rebuild', async () => {
    const { rijk, provincie, documentId, server } = users
    const x = (await sectionIds(rijk.page))[1]
    if (!x) throw new Error('De Peel has fewer than two sections')
    const page = rijk.page

    // The picker finds the voorstel's section while the page is online; it is chosen offline, while
    // both sides sign the section, so the server refuses the link when the page comes back.
    await typeAtEnd(page, x, ' ')
    await page.keyboard.press('Control+Alt+K')
    const picker = page.getByTestId('link-picker')
    await picker.getByTestId('link-picker-search').waitFor()
    await page.keyboard.type(LINK_TARGET)
    await picker.locator(`[role="listbox"][aria-busy="false"][data-query="${LINK_TARGET}"]`).waitFor()
    const option = picker.getByTestId('link-picker-option').filter({ hasText: LINK_TARGET }).first()
    await users.goOffline(rijk)
    await waitForSaveStatus(page, SaveStatus.offline)
    await option.click()
    await picker.waitFor({ state: 'detached' })
    await editorOf(page, x).locator('[data-testid="section-link"]').waitFor()

    await signForBothSides(server, documentId, x)
    await sectionLocator(provincie.page, x).and(provincie.page.locator('[data-locked="true"]')).waitFor()
    await users.goOnline(rijk)

    const dialog = page.locator('[data-testid="refused-dialog"]')
    await explainFailure(server, { offline: page, other: provincie.page }, () => dialog.waitFor({ timeout: 20_000 }))
    const [refused = ''] = await dialog.locator('[data-testid="refused-text"]').allInnerTexts()
    // Named as the version comparison names it, not "een sectie van een ander document".
    expect(refused).toMatch(new RegExp(`^\\[koppeling: § \\d+ ${LINK_TARGET} \\(.*Noord-Brabant\\)\\]$`))
    expect(await editorOf(page, x).locator('[data-testid="section-link"]').count()).toBe(0)

    rijk.assertNoProblems(NETWORK_NOISE)
    provincie.assertNoProblems()
  })

  it('a server that refuses every change: a few rebuilds with growing waits, then the page stops and keeps the text', async () => {
    const { rijk, provincie } = users
    const proxy = await routeThroughRefusingProxy(rijk.page)
    // Routing applies to sockets opened from now on.
    await rijk.page.reload()
    await waitForSaveStatus(rijk.page, SaveStatus.saved)
    const y = (await sectionIds(rijk.page))[2]
    if (!y) throw new Error('De Peel has fewer than three sections')
    expect(proxy.connections).toBe(1)

    proxy.refuseNext = Number.POSITIVE_INFINITY
    // One insertion: keys typed while the page rebuilds would go to an editor that is being replaced.
    await typeAtEnd(rijk.page, y, '')
    await rijk.page.keyboard.insertText(' Steeds-geweigerd-5c7f')
    const notice = rijk.page.locator('[data-testid="refusal"][data-recovery="gave-up"]')
    await notice.waitFor({ timeout: 30_000 })
    // The refused change and the replays of three rebuilds (after 0, 2 and 8 seconds), then no more.
    expect(proxy.connections).toBe(4)
    expect(proxy.refused).toBe(4)
    await new Promise((resolve) => setTimeout(resolve, 5_000))
    expect(proxy.connections).toBe(4)
    expect(await editorText(rijk.page, y)).toContain('Steeds-geweigerd-5c7f')
    expect(await saveStatusText(rijk.page)).toBe(SaveStatus.offline)

    // The text is kept in this browser: once the server accepts again, a reload sends it.
    proxy.refuseNext = 0
    await rijk.page.reload()
    await waitForSaveStatus(rijk.page, SaveStatus.saved, 20_000)
    await waitFor(async () => (await editorText(provincie.page, y)).includes('Steeds-geweigerd-5c7f'), {
      timeout: 15_000,
      message: "the kept text at the other user's",
    })
    rijk.assertNoProblems(NETWORK_NOISE)
    provincie.assertNoProblems()
  })

  it('one refused change: one rebuild, the change replayed and saved, the caret back in its section', async () => {
    const { rijk, provincie } = users
    const { proxy, y } = await behindRefusingProxy(rijk.page)

    proxy.refuseNext = 1
    await typeAtEnd(rijk.page, y, '')
    await rijk.page.keyboard.insertText(' Eenmaal-geweigerd-2d9b')
    await rijk.page.locator('[data-testid="refusal"][data-recovery="replayed"]').waitFor({ timeout: 20_000 })
    await waitFor(async () => (await editorText(provincie.page, y)).includes('Eenmaal-geweigerd-2d9b'), {
      timeout: 15_000,
      message: "the replayed change at the other user's",
    })
    await waitForSaveStatus(rijk.page, SaveStatus.saved)
    expect(proxy.connections).toBe(2)
    expect(await rijk.page.locator('[data-testid="refused-dialog"]').count()).toBe(0)
    await waitFor(() => focusedSection(rijk.page).then((id) => id === y), {
      timeout: 5_000,
      message: 'the focus back in the section',
    })
    rijk.assertNoProblems(NETWORK_NOISE)
    provincie.assertNoProblems()
  })
  it('keys typed while the document is rebuilt are kept, and typing goes on at the caret afterwards', async () => {
    const { rijk, provincie } = users
    const { proxy, y } = await behindRefusingProxy(rijk.page)

    // The rebuild's connection is held, as on a slow network or after a back-off: the user types on.
    proxy.refuseNext = 1
    const release = proxy.holdNextConnection()
    await typeAtEnd(rijk.page, y, '')
    await rijk.page.keyboard.insertText(' Geweigerd-5c1e')
    await rijk.page.locator('[data-testid="refusal"][data-recovery="rebuilding"]').waitFor({ timeout: 15_000 })
    await waitFor(() => proxy.held === 1, { timeout: 15_000, message: "the rebuild's connection, held" })
    await rijk.page.keyboard.type(' tijdens het herbouwen')
    expect(await editorText(rijk.page, y)).toContain('Geweigerd-5c1e tijdens het herbouwen')
    expect(await rijk.page.locator('[data-testid="save-status"]').textContent()).toBe(SaveStatus.connecting)

    release()
    await rijk.page.locator('[data-testid="refusal"][data-recovery="replayed"]').waitFor({ timeout: 20_000 })
    await waitFor(() => focusedSection(rijk.page).then((id) => id === y), {
      timeout: 5_000,
      message: 'the focus back in the section',
    })
    // The caret is where it was, so the sentence simply continues.
    await rijk.page.keyboard.type(' en daarna')
    const sentence = ' Geweigerd-5c1e tijdens het herbouwen en daarna'
    await waitFor(async () => (await editorText(provincie.page, y)).includes(sentence), {
      timeout: 15_000,
      message: "the whole sentence at the other user's",
    })
    await waitForSaveStatus(rijk.page, SaveStatus.saved)
    expect((await editorText(rijk.page, y)).split('Geweigerd-5c1e')).toHaveLength(2)
    expect(proxy.connections).toBe(2)
    rijk.assertNoProblems(NETWORK_NOISE)
    provincie.assertNoProblems()
  })
})
