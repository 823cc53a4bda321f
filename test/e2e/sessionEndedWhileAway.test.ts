// What changes while the page has no connection (a laptop asleep overnight, a network outage) and what
// the page then says:
// - The session ended: the server refuses the reconnect at the HTTP upgrade, which a browser's WebSocket
//   cannot read (it only sees a failed connection). The page must not say "Offline" and retry for ever:
//   it asks the server why, says the session ended and offers to log in again; after that, what was
//   typed while away reaches the server and the other person, once.
// - Access was removed: the page says so, offers the text it could not send for the clipboard, and the
//   document list.
// - The role became reader: the server refuses the waiting changes; the refusal offers their text too.
import type { Locator } from 'playwright-core'
import { afterEach, beforeEach, expect, it } from 'vitest'
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  editorText,
  SaveStatus,
  saveStatusText,
  sectionIds,
  typeAtEnd,
  type UserContext,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { runCli } from '../helpers/cli.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { expectAccessible } from './support/axe.ts'
import { explainFailure, NETWORK_NOISE, openTwoUsers, type TwoUsers } from './twoUsers.ts'

let users: TwoUsers

beforeEach(async () => {
  users = await openTwoUsers()
})

afterEach(async () => {
  await users?.close()
})

/** The browser logs the refused reconnects (the upgrade answers 401) and the 401 of the session check. */
const LOGGED_OUT_NOISE = [...NETWORK_NOISE, /status of 401/]

/** The user's network goes down, and they type `marker` at the end of section `index`; its id. */
async function typeWhileAway(user: UserContext, index: number, marker: string): Promise<string> {
  const sectionId = (await sectionIds(user.page))[index] ?? ''
  await users.goOffline(user)
  await waitForSaveStatus(user.page, SaveStatus.offline)
  await typeAtEnd(user.page, sectionId, ` ${marker}`)
  return sectionId
}

/** The network is back; waits for the element with `testId` (a notice) on the user's page. */
async function backOnline(user: UserContext, testId: string): Promise<Locator> {
  await users.goOnline(user)
  const notice = user.page.getByTestId(testId)
  await explainFailure(users.server, { [user.email]: user.page }, () =>
    notice.waitFor({ state: 'visible', timeout: 30_000 }),
  )
  return notice
}

it('says the session ended when the reconnect is refused for it, and sends the text typed away after logging in', async () => {
  const { rijk, provincie, documentId, server } = users
  const { page } = rijk
  const marker = 'Getypt terwijl de sessie verliep.'
  const sectionId = await typeWhileAway(rijk, 1, marker)

  // Meanwhile the session ends on the server (as when it expires): this browser still has its cookie.
  const cookies = await rijk.context.cookies()
  const session = cookies.find((c) => c.name === 'novex_session')
  expect(session).toBeDefined()
  const logout = await fetch(`${server.httpUrl}/api/session`, {
    method: 'DELETE',
    headers: { cookie: `novex_session=${session?.value}` },
  })
  expect(logout.status).toBe(204)

  const notice = await backOnline(rijk, 'connection-closed')
  expect(await notice.getAttribute('data-code')).toBe('4401')
  expect(await notice.textContent()).toContain('Uw sessie is verlopen of u bent uitgelogd.')
  expect(await editorText(provincie.page, sectionId)).not.toContain(marker)

  await notice.getByRole('link', { name: 'Opnieuw inloggen' }).click()
  await page.waitForURL((url) => url.pathname === '/inloggen')
  await page.getByLabel('E-mailadres').fill(DEMO_USERS.rijkAuteur)
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD)
  await page.getByLabel('Wachtwoord').press('Enter')
  await page.waitForURL((url) => url.pathname === `/document/${documentId}`)
  await waitForSaveStatus(page, SaveStatus.saved, 20_000)
  await waitFor(async () => (await editorText(provincie.page, sectionId)).includes(marker), {
    timeout: 15_000,
    message: "the text typed away at the other person's page",
  })
  expect((await editorText(provincie.page, sectionId)).split(marker).length - 1).toBe(1)

  rijk.assertNoProblems(LOGGED_OUT_NOISE)
  provincie.assertNoProblems()
}, 180_000)

it('says access was lost when the reconnect is refused for it, offers the unsaved text to copy, and the document list', async () => {
  const { provincie, server } = users
  const { page } = provincie
  await provincie.context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const marker = 'Getypt terwijl de toegang verviel.'
  await typeWhileAway(provincie, 3, marker)

  // Meanwhile the provincial author is taken off the area.
  const removed = await runCli(server, ['member:remove', '--email', DEMO_USERS.provincieAuteur, '--area', 'de-peel'])
  expect(removed.code).toBe(0)

  const notice = await backOnline(provincie, 'connection-closed')
  expect(await notice.getAttribute('data-code')).toBe('4403')
  expect(await notice.textContent()).toContain('U heeft geen toegang (meer) tot dit document.')
  // What was typed away can never be sent from here: the notice offers it for the clipboard.
  await notice.getByRole('button', { name: 'Niet-opgeslagen tekst kopiëren' }).click()
  await waitFor(async () => (await page.evaluate(() => navigator.clipboard.readText())).includes(marker), {
    timeout: 5_000,
    message: 'the unsaved text on the clipboard',
  })
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  // Only what the server lacks (one section: no title line), not the saved text around it.
  expect(copied).toBe(marker)
  expect(await page.getByTestId('copy-unsaved-status').textContent()).toBe(
    'De tekst die nog niet was opgeslagen, staat op het klembord.',
  )
  await notice.getByRole('link', { name: 'Naar de documenten' }).click()
  await page.waitForURL((url) => url.pathname === '/')
  await page.locator('.document-card').first().waitFor()
  expect(await page.locator('a[href="/document/ontwikkelperspectief-de-peel"]').count()).toBe(0)

  // The refused reconnects and the API's 404 for the document are what the browser logs.
  provincie.assertNoProblems([...NETWORK_NOISE, /status of 404/])
}, 180_000)

it('says the text typed away cannot be saved after a downgrade to reader, offers it to copy, and then to remove it', async () => {
  const { provincie, rijk, server, documentId } = users
  const { page } = provincie
  await provincie.context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const marker = 'Getypt voordat de rol lezer werd.'
  const sectionId = await typeWhileAway(provincie, 4, marker)

  // Meanwhile the provincial author becomes a reader of the area.
  const changed = await runCli(server, [
    'member:set',
    '--email',
    DEMO_USERS.provincieAuteur,
    '--area',
    'de-peel',
    '--role',
    'lezer',
  ])
  expect(changed.code).toBe(0)

  const refusal = await backOnline(provincie, 'refusal')
  expect(await refusal.getAttribute('data-reason')).toBe('read-only')
  expect(await editorText(rijk.page, sectionId)).not.toContain(marker)
  await refusal.getByRole('button', { name: 'Niet-opgeslagen tekst kopiëren' }).click()
  await waitFor(async () => (await page.evaluate(() => navigator.clipboard.readText())) === marker, {
    timeout: 5_000,
    message: 'the unsaved text on the clipboard',
  })
  // Kept, it can never be saved from here: the page would say "Opslaan…" for ever, and send it (and
  // have it refused) on every visit. The user removes it, with the keyboard, after a confirmation.
  expect(await saveStatusText(page)).toBe(SaveStatus.saving)
  expect(await refusal.getByRole('link', { name: 'Eerder geweigerde tekst bekijken' }).getAttribute('href')).toBe(
    `/document/${documentId}/geweigerd`,
  )
  await refusal.getByRole('button', { name: 'Niet-opgeslagen wijzigingen weghalen' }).press('Enter')
  const confirm = refusal.getByTestId('discard-unsaved-confirm')
  await waitFor(() => confirm.evaluate((button) => button === document.activeElement), {
    message: 'the focus on the confirmation',
  })
  expect(await refusal.textContent()).toContain('Kopieer de tekst eerst als u hem wilt bewaren.')
  await page.keyboard.press('Enter')
  await waitForSaveStatus(page, SaveStatus.saved, 20_000)
  await waitFor(async () => (await page.getByTestId('refusal').count()) === 0, { message: 'the refusal to go' })
  expect(await editorText(page, sectionId)).not.toContain(marker)
  expect(await editorText(page, sectionId)).toBe(await editorText(rijk.page, sectionId))

  // The next visit sends nothing to refuse.
  await page.reload()
  await waitForSaveStatus(page, SaveStatus.saved, 20_000)
  await page.waitForTimeout(1_500)
  expect(await page.getByTestId('refusal').count()).toBe(0)
  expect(await saveStatusText(page)).toBe(SaveStatus.saved)
  expect(await editorText(page, sectionId)).not.toContain(marker)
  // The server kept the refused text for its author, who finds it on a page of its own.
  await page.goto(`/document/${documentId}/geweigerd`)
  const kept = page.getByTestId('refused-change').filter({ hasText: marker })
  await kept.waitFor()
  expect(await kept.textContent()).toContain('U mag dit document alleen lezen.')
  await expectAccessible(page, 'the refused changes page')
  await kept.getByRole('button', { name: 'Tekst kopiëren' }).click()
  await waitFor(async () => (await page.evaluate(() => navigator.clipboard.readText())) === marker, {
    timeout: 5_000,
    message: 'the kept text on the clipboard',
  })
  provincie.assertNoProblems(NETWORK_NOISE)
}, 180_000)
