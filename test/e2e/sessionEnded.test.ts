// The session ends while someone is writing (it expired, or they logged out in another tab): the server
// closes the live connection, and the page says so, keeps what is typed after it, and offers to log in
// again. After logging in the user is back in the same document, and what they typed in between reaches
// the server and the other person, once, without being typed again.
import { expect, it } from 'vitest'
import {
  closeWithoutProblems,
  DEMO_PASSWORD,
  DEMO_USERS,
  editorText,
  fetchJson,
  newUserContext,
  openDocument,
  SaveStatus,
  sectionIds,
  typeAtEnd,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { expectAccessible } from './support/axe.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'
import { NETWORK_NOISE } from './twoUsers.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const running = useServerAndBrowser()

/** The browser logs the refused reconnect and the 401 of the session check after the logout. */
const LOGGED_OUT_NOISE = [...NETWORK_NOISE, /status of 401/]

/**
 * The Rijk author and the provincial author on De Peel; the Rijk author types `text` into section
 * `index` and it is saved. Then another tab of the same browser logs out, and the Rijk author's page
 * shows the closed-connection notice. The other tab stays open (it can log in again).
 */
async function loggedOutElsewhere(index: number, text: string) {
  const rijk = await newUserContext(running.browser(), running.server().httpUrl)
  const provincie = await newUserContext(running.browser(), running.server().httpUrl, {
    email: DEMO_USERS.provincieAuteur,
  })
  const { page } = rijk
  await openDocument(page, DE_PEEL)
  await openDocument(provincie.page, DE_PEEL)
  const sectionId = (await sectionIds(page))[index] ?? ''
  await typeAtEnd(page, sectionId, text)
  await waitForSaveStatus(page, SaveStatus.saved)

  const other = await rijk.newPage()
  await other.goto('/healthz')
  expect((await fetchJson(other, 'DELETE', '/api/session')).status).toBe(204)
  const notice = page.getByTestId('connection-closed')
  await notice.waitFor({ state: 'visible', timeout: 15_000 })
  return { rijk, provincie, page, sectionId, other, notice }
}

it('says the session ended, keeps what is typed, and sends it after logging in again', async () => {
  // The session ends elsewhere: another tab of the same browser logs out.
  const { rijk, provincie, page, sectionId, other, notice } = await loggedOutElsewhere(1, ' Voor het einde.')
  await other.close()
  expect(await notice.getAttribute('role')).toBe('alert')
  expect(await notice.textContent()).toContain('Uw sessie is verlopen of u bent uitgelogd.')
  await waitForSaveStatus(page, SaveStatus.offline)
  await expectAccessible(page, 'document page after the session ended')

  // Writing goes on: the text stays in this browser.
  const marker = 'Na het einde van de sessie getypt.'
  await typeAtEnd(page, sectionId, ` ${marker}`)
  expect(await editorText(page, sectionId)).toContain(marker)
  expect(await editorText(provincie.page, sectionId)).not.toContain(marker)

  // Logging in again, from the notice, with the keyboard: back in the same document.
  const login = notice.getByRole('link', { name: 'Opnieuw inloggen' })
  await login.focus()
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => url.pathname === '/inloggen')
  expect(new URL(page.url()).searchParams.get('terug')).toBe(`/document/${DE_PEEL}`)
  await page.getByLabel('E-mailadres').fill(DEMO_USERS.rijkAuteur)
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD)
  await page.getByLabel('Wachtwoord').press('Enter')
  await page.waitForURL((url) => url.pathname === `/document/${DE_PEEL}`)

  // What was typed while logged out is on the page, saved, and at the other person: once.
  await waitFor(async () => (await editorText(page, sectionId)).includes(marker), {
    timeout: 15_000,
    message: 'the text typed while logged out on the page after logging in',
  })
  await waitForSaveStatus(page, SaveStatus.saved, 20_000)
  await waitFor(async () => (await editorText(provincie.page, sectionId)).includes(marker), {
    timeout: 15_000,
    message: "the text typed while logged out at the other person's page",
  })
  const text = await editorText(provincie.page, sectionId)
  expect(text.split(marker).length - 1).toBe(1)
  expect(text.split('Voor het einde.').length - 1).toBe(1)
  expect(await page.getByTestId('connection-closed').count()).toBe(0)

  rijk.assertNoProblems(LOGGED_OUT_NOISE)
  await closeWithoutProblems(provincie)
}, 180_000)

it('connects again by itself when the same person logged in again in another tab', async () => {
  // Logged out in another tab; this page says so and keeps what is typed next.
  const { rijk, provincie, page, sectionId, other } = await loggedOutElsewhere(2, ' Eerste sessie.')
  const marker = 'Getypt tussen twee sessies.'
  await typeAtEnd(page, sectionId, ` ${marker}`)

  // The same person logs in again in that other tab; this page, shown again, connects by itself.
  const login = await fetchJson(other, 'POST', '/api/session', {
    email: DEMO_USERS.rijkAuteur,
    password: DEMO_PASSWORD,
  })
  expect(login.status).toBe(200)
  // Going back to a tab gives its window the focus; headless Chromium does not fire that event on
  // bringToFront, so the test fires it as the browser would.
  await page.bringToFront()
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))
  await page.getByTestId('connection-closed').waitFor({ state: 'detached', timeout: 15_000 })
  await waitForSaveStatus(page, SaveStatus.saved, 20_000)
  await waitFor(async () => (await editorText(provincie.page, sectionId)).includes(marker), {
    timeout: 15_000,
    message: "the text typed between the sessions at the other person's page",
  })
  expect((await editorText(provincie.page, sectionId)).split(marker).length - 1).toBe(1)
  expect(new URL(page.url()).pathname).toBe(`/document/${DE_PEEL}`)
  await other.close()

  rijk.assertNoProblems(LOGGED_OUT_NOISE)
  await closeWithoutProblems(provincie)
}, 180_000)
