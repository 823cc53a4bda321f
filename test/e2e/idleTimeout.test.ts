// The idle timeout, as the user meets it (here 9 s instead of an hour): before the session ends for
// lack of activity the page warns, with the focus on "Ingelogd blijven"; pressing it keeps the session.
// Left alone, the session ends, the page goes to the login page, which says why, and logging in brings
// the user back to the document.
import { expect, it } from 'vitest'
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  fetchJson,
  newUserContext,
  openDocument,
  perspectiveIdOf,
  SaveStatus,
  sectionIds,
  typeAtEnd,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const IDLE_SECONDS = 9
const parts = useServerAndBrowser({ env: { SESSION_IDLE_SECONDS: String(IDLE_SECONDS) } })

it('warns before an idle session ends, keeps it on request, and sends the user back after logging in', async () => {
  const user = await newUserContext(parts.browser(), parts.server().httpUrl, { email: DEMO_USERS.rijkAuteur })
  try {
    const { page } = user
    const documentId = await perspectiveIdOf(page, 'de-peel')
    await openDocument(page, documentId)
    await waitForSaveStatus(page, SaveStatus.saved)
    const warning = page.getByTestId('idle-warning')

    // Left alone, the page warns a third of the idle time (here 3 s) before the end.
    await warning.waitFor({ state: 'visible', timeout: IDLE_SECONDS * 1000 })
    expect(await warning.getAttribute('role')).toBe('alertdialog')
    expect(await warning.textContent()).toContain('over 3 seconden uitgelogd')
    const stay = warning.getByRole('button', { name: 'Ingelogd blijven' })
    await waitFor(() => stay.evaluate((button) => button === document.activeElement), {
      message: 'the focus on "Ingelogd blijven"',
    })
    await page.keyboard.press('Enter')
    await warning.waitFor({ state: 'hidden' })
    // Past the end it warned of, the session is still there.
    await page.waitForTimeout(4_000)
    expect((await fetchJson(page, 'GET', '/api/session')).status).toBe(200)

    // Working in the document keeps it too; then the user leaves it alone.
    const sectionId = (await sectionIds(page))[0] ?? ''
    await typeAtEnd(page, sectionId, ' Nog even gewerkt.')
    await waitForSaveStatus(page, SaveStatus.saved)
    await warning.waitFor({ state: 'visible', timeout: IDLE_SECONDS * 1000 })
    await page.waitForURL((url) => url.pathname === '/inloggen', { timeout: IDLE_SECONDS * 1000 })
    expect(new URL(page.url()).searchParams.get('terug')).toBe(`/document/${documentId}`)
    expect(await page.getByTestId('idle-ended').textContent()).toContain(
      'U bent uitgelogd omdat u een tijd niet actief was.',
    )

    await page.getByLabel('E-mailadres').fill(DEMO_USERS.rijkAuteur)
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD)
    await page.getByLabel('Wachtwoord').press('Enter')
    await page.waitForURL((url) => url.pathname === `/document/${documentId}`)
    await waitForSaveStatus(page, SaveStatus.saved)
    expect(await page.getByTestId('idle-warning').count()).toBe(0)
    // The ended session's refused reconnect and requests are what the browser logs.
    user.assertNoProblems([/status of 401/, /WebSocket connection to .* failed/i])
  } finally {
    await user.close()
  }
}, 90_000)
