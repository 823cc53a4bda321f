// Working through a network outage: the page says it is offline, keeps what is typed (in memory
// and in IndexedDB), and merges it with what others wrote once the network is back. Offline edits
// survive closing the page: a new page of the same browser profile sends them when it opens.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  editorText,
  openDocument,
  SaveStatus,
  saveAnnouncement,
  saveStatusText,
  sectionIds,
  sectionLocator,
  typeAtEnd,
  typeAtStart,
  waitForSameText,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { indexedDbHolds } from './indexedDb.ts'
import { signForBothSides } from './signSection.ts'
import { expectAccessible } from './support/axe.ts'
import { explainFailure, NETWORK_NOISE, openTwoUsers, type TwoUsers } from './twoUsers.ts'

describe('offline editing', () => {
  // A fresh server and fresh profiles per test: a failed offline test leaves edits in IndexedDB
  // that would otherwise leak into the next one.
  let users: TwoUsers

  beforeEach(async () => {
    users = await openTwoUsers()
  })

  afterEach(async () => {
    await users?.close()
  })

  it('shows the offline status, keeps typing, and converges with the other user when back online', async () => {
    const { rijk, provincie } = users
    const ids = await sectionIds(rijk.page)
    const sectionId = ids[1]!

    // Some work saved before the network goes: the page's client id is then known to the server.
    await typeAtEnd(rijk.page, sectionId, ' Eerst online.')
    await waitForSaveStatus(rijk.page, SaveStatus.saved)
    // Screen readers are not told "Opslaan…", "Opgeslagen" after every key: the live region is silent.
    expect(await saveAnnouncement(rijk.page)).toBe('')

    await users.goOffline(rijk)
    await waitForSaveStatus(rijk.page, SaveStatus.offline)
    expect(await saveAnnouncement(rijk.page)).toBe(SaveStatus.offline)

    await typeAtEnd(rijk.page, sectionId, ' Offline getypt door Rijk.')
    expect(await editorText(rijk.page, sectionId)).toContain('Offline getypt door Rijk.')
    expect(await saveStatusText(rijk.page)).toBe(SaveStatus.offline)

    // Meanwhile the other user edits the same section and gets it saved.
    await typeAtStart(provincie.page, sectionId, 'Online getypt door Provincie. ')
    await waitForSaveStatus(provincie.page, SaveStatus.saved)
    // The offline side was really cut off: its text did not reach the server, and the other
    // user's saved text did not reach it.
    expect(await editorText(provincie.page, sectionId)).not.toContain('Offline getypt door Rijk.')
    expect(await editorText(rijk.page, sectionId)).not.toContain('Online getypt door Provincie.')

    await users.goOnline(rijk)
    for (const user of [rijk, provincie]) {
      await explainFailure(users.server, { offline: rijk.page, other: provincie.page }, () =>
        waitFor(
          async () => {
            const text = await editorText(user.page, sectionId)
            return text.includes('Offline getypt door Rijk.') && text.includes('Online getypt door Provincie.')
          },
          { timeout: 20_000, message: `both edits in ${user.email}'s editor` },
        ),
      )
    }
    await waitForSameText([rijk.page, provincie.page], sectionId)
    await waitForSaveStatus(rijk.page, SaveStatus.saved, 20_000)
    await waitForSaveStatus(provincie.page, SaveStatus.saved)
    // Back online and stored: that is news, and it is said once.
    expect(await saveAnnouncement(rijk.page)).toBe(SaveStatus.saved)
    expect(await saveAnnouncement(provincie.page)).toBe('')

    rijk.assertNoProblems(NETWORK_NOISE)
    provincie.assertNoProblems()
  })

  it('waits with "Uitloggen" until the offline work is saved, and then logs out by itself', async () => {
    const { rijk, provincie } = users
    const sectionId = (await sectionIds(rijk.page))[1]!
    await users.goOffline(rijk)
    await waitForSaveStatus(rijk.page, SaveStatus.offline)
    await typeAtEnd(rijk.page, sectionId, ' Getypt voor het uitloggen.')

    // Not stored yet: the dialog says so and waits; the focus is on "Annuleren", Escape stays.
    const logout = rijk.page.getByTestId('logout')
    await logout.click()
    const dialog = rijk.page.getByTestId('logout-wait')
    await dialog.waitFor()
    // Offline it says what it waits for: the connection, not a save that cannot happen now.
    expect(await dialog.getByTestId('logout-wait-status').textContent()).toMatch(/^Geen verbinding met de server\./)
    expect(await rijk.page.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren')
    await expectAccessible(rijk.page, 'logout wait dialog', '[data-testid="logout-wait"]')
    await rijk.page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(new URL(rijk.page.url()).pathname).toMatch(/^\/document\//)
    expect(await editorText(rijk.page, sectionId)).toContain('Getypt voor het uitloggen.')

    // "Toch uitloggen" without a connection: the server cannot end the session, and the page says so
    // instead of showing the login page while the session still runs.
    await logout.click()
    await dialog.getByTestId('logout-anyway').click()
    expect(await rijk.page.getByTestId('logout-failed').textContent()).toContain('U bent nog ingelogd.')
    // The focus is back on "Uitloggen", not lost to the page.
    await expect
      .poll(() => rijk.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('logout')
    expect(new URL(rijk.page.url()).pathname).toMatch(/^\/document\//)

    // Asked again, and the network comes back: once the text is stored the page logs out.
    await logout.click()
    await dialog.waitFor()
    await users.goOnline(rijk)
    await explainFailure(users.server, { offline: rijk.page, other: provincie.page }, () =>
      rijk.page.waitForURL((url) => url.pathname === '/inloggen', { timeout: 30_000 }),
    )
    await waitFor(async () => (await editorText(provincie.page, sectionId)).includes('Getypt voor het uitloggen.'), {
      timeout: 10_000,
      message: 'the text typed before logging out at the other user',
    })
    rijk.assertNoProblems(NETWORK_NOISE)
    provincie.assertNoProblems()
  })

  it('does not log out over a change the server refused meanwhile: the refused text is shown instead', async () => {
    const { rijk, provincie, server, documentId } = users
    const sectionId = (await sectionIds(rijk.page))[2]!
    await users.goOffline(rijk)
    await waitForSaveStatus(rijk.page, SaveStatus.offline)
    await typeAtEnd(rijk.page, sectionId, ' Offline in een sectie die op slot gaat.')
    await signForBothSides(server, documentId, sectionId)
    await sectionLocator(provincie.page, sectionId).and(provincie.page.locator('[data-locked="true"]')).waitFor()

    await rijk.page.getByTestId('logout').click()
    await rijk.page.getByTestId('logout-wait').waitFor()
    await users.goOnline(rijk)
    const refused = rijk.page.getByTestId('refused-dialog')
    await explainFailure(server, { offline: rijk.page, other: provincie.page }, () =>
      refused.waitFor({ timeout: 30_000 }),
    )
    expect(await refused.getByTestId('refused-text').allInnerTexts()).toEqual([
      'Offline in een sectie die op slot gaat.',
    ])
    const said = rijk.page.getByTestId('logout-failed')
    await said.waitFor()
    expect(await said.getAttribute('data-reason')).toBe('refused')
    // Still logged in, on the document.
    await rijk.page.waitForTimeout(1_000)
    expect(new URL(rijk.page.url()).pathname).toBe(`/document/${documentId}`)
    expect(await rijk.page.getByTestId('logout-wait').count()).toBe(0)
    rijk.assertNoProblems(NETWORK_NOISE)
    provincie.assertNoProblems()
  })

  it('keeps text typed offline in IndexedDB and sends it from a new page after the old one was closed', async () => {
    const { rijk, provincie, documentId } = users
    const ids = await sectionIds(rijk.page)
    const sectionId = ids[2]!

    await typeAtEnd(rijk.page, sectionId, ' Nog online.')
    await waitForSaveStatus(rijk.page, SaveStatus.saved)

    await users.goOffline(rijk)
    await waitForSaveStatus(rijk.page, SaveStatus.offline)
    // One insertion (not key by key), so the marker is one contiguous string in one stored update.
    const marker = 'Alleen-lokaal-7f3a'
    await typeAtEnd(rijk.page, sectionId, ' ')
    await rijk.page.keyboard.insertText(marker)
    expect(await editorText(rijk.page, sectionId)).toContain(marker)
    // Wait until the client has written it to IndexedDB, then close the page while still offline.
    await waitFor(() => indexedDbHolds(rijk.page, marker), {
      timeout: 10_000,
      message: 'the offline edit in IndexedDB',
    })
    await rijk.page.close()
    expect(await editorText(provincie.page, sectionId)).not.toContain(marker)

    // Back online, a new page in the same browser profile: the edit reaches the server and the other user.
    await users.goOnline(rijk)
    const page = await rijk.newPage()
    await openDocument(page, documentId)
    await waitFor(async () => (await editorText(page, sectionId)).includes(marker), {
      timeout: 15_000,
      message: 'the offline edit on the reopened page',
    })
    await explainFailure(users.server, { reopened: page, other: provincie.page }, () =>
      waitFor(async () => (await editorText(provincie.page, sectionId)).includes(marker), {
        timeout: 20_000,
        message: 'the offline edit at the other user',
      }),
    )
    await waitForSaveStatus(page, SaveStatus.saved, 20_000)
    await waitForSameText([page, provincie.page], sectionId)

    rijk.assertNoProblems(NETWORK_NOISE)
    provincie.assertNoProblems()
  })

  it('reloads the page without a connection, shows the offline edits, and sends them when back online', async () => {
    const { rijk, provincie } = users
    const sectionId = (await sectionIds(rijk.page))[3]!
    // The service worker keeps the app shell; wait until it controls the page.
    await rijk.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
    await rijk.page.reload()
    await waitFor(() => rijk.page.evaluate(() => navigator.serviceWorker.controller !== null), {
      message: 'service worker in control',
    })
    await waitForSaveStatus(rijk.page, SaveStatus.saved)

    await users.goOffline(rijk)
    await waitForSaveStatus(rijk.page, SaveStatus.offline)
    const marker = 'Na-herladen-9c2e'
    await typeAtEnd(rijk.page, sectionId, ' ')
    await rijk.page.keyboard.insertText(marker)
    await waitFor(() => indexedDbHolds(rijk.page, marker), {
      timeout: 10_000,
      message: 'the offline edit in IndexedDB',
    })

    // A reload while the server cannot be reached: the page opens from the service worker's cache and
    // shows the local copy, offline.
    await rijk.page.reload()
    await rijk.page.locator('[data-testid="section"] [data-testid="section-content"] .ProseMirror').first().waitFor()
    await waitFor(async () => (await editorText(rijk.page, sectionId)).includes(marker), {
      timeout: 15_000,
      message: 'the offline edit after an offline reload',
    })
    expect(await saveStatusText(rijk.page)).toBe(SaveStatus.offline)
    await typeAtEnd(rijk.page, sectionId, ' En nog meer.')

    await users.goOnline(rijk)
    await waitFor(async () => (await editorText(provincie.page, sectionId)).includes(`${marker} En nog meer.`), {
      timeout: 20_000,
      message: 'both offline edits at the other user',
    })
    await waitForSaveStatus(rijk.page, SaveStatus.saved, 20_000)
    await waitForSameText([rijk.page, provincie.page], sectionId)
    provincie.assertNoProblems()
  })
})
