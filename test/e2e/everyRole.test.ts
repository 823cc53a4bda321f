// Every demo role opens the perspective and the voorstel it is a member of, and following the document
// is all it does: nothing may be refused, closed or logged as an error, and the page says "Opgeslagen".
// (Until 2026-11-30 every reader's page was told on opening that the server had refused a change: its
// ordinary sync answer, which changes nothing, was refused because it came from a reader.)
// Each role is offered only what it can do: "Ondertekenen" as the primary action for a signatory, and
// for everyone else "Ondertekening" (the state of the sign-offs) as a secondary button, with a panel
// without instructions for signing; the "Sneltoetsen" list only the shortcuts the role can use.
// (Until 2026-12-03 a lezer and a meelezer were offered signing, moving sections and inserting links.)
// A right given while the page is open shows without a reload (the server's `rights` frame).
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import {
  DEMO_USERS,
  newUserContext,
  openDocument,
  SaveStatus,
  saveStatusText,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { runCli } from '../helpers/cli.ts'
import { DE_PEEL, VOORSTEL_NB } from '../helpers/documents.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const parts = useServerAndBrowser()

const EDITS = ['move', 'comment', 'commentsPanel', 'link', 'find', 'toc']
const SIGNS = { button: 'Ondertekenen', primary: true, panel: 'Ondertekenen' }
const DOES_NOT_SIGN = { button: 'Ondertekening', primary: false, panel: 'Ondertekening' }

/** What each demo role is offered on the De Peel perspective. */
const OFFERED: Record<keyof typeof DEMO_USERS, { signoff: typeof SIGNS; shortcuts: readonly string[] }> = {
  rijkAuteur: { signoff: DOES_NOT_SIGN, shortcuts: EDITS },
  provincieAuteur: { signoff: DOES_NOT_SIGN, shortcuts: EDITS },
  rijkOndertekenaar: { signoff: SIGNS, shortcuts: EDITS },
  provincieOndertekenaar: { signoff: SIGNS, shortcuts: EDITS },
  meelezer: { signoff: DOES_NOT_SIGN, shortcuts: ['comment', 'commentsPanel', 'findOnly', 'toc'] },
  // A lezer reads the comments too: Ctrl+Alt+Shift+A goes to them.
  lezer: { signoff: DOES_NOT_SIGN, shortcuts: ['commentsPanel', 'findOnly', 'toc'] },
}

/** The header's sign-off button and panel, and the shortcuts listed, as `role` sees them. */
async function expectOffered(page: Page, role: keyof typeof DEMO_USERS): Promise<void> {
  const { signoff, shortcuts } = OFFERED[role]
  const toggle = page.getByTestId('open-signoff')
  // The label follows the sign-off overview's `me.signatory`, asked once the document synced.
  await expect.poll(() => toggle.textContent(), { timeout: 10_000 }).toBe(signoff.button)
  const classes = (await toggle.getAttribute('class')) ?? ''
  expect(classes, `${role}: button appearance`).toContain(
    signoff.primary ? 'utrecht-button--primary-action' : 'utrecht-button--secondary-action',
  )
  const listed = await page
    .locator('[data-testid="shortcuts"] [data-shortcut]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-shortcut')))
  expect(listed, `${role}: shortcuts`).toEqual(shortcuts)

  await toggle.click()
  const panel = page.getByTestId('signoff-panel')
  await expect.poll(() => panel.locator('h2').first().textContent(), { timeout: 10_000 }).toBe(signoff.panel)
  // The demo's friction point is an open reaction: the panel says so; "read it before you sign" only to a signatory.
  const openNote = (await panel.getByTestId('signoff-open-threads').first().textContent()) ?? ''
  expect(openNote).toMatch(/^Er staat nog 1 reactie open op dit onderdeel\./)
  expect(openNote.includes('Lees die voordat u ondertekent.'), `${role}: ${openNote}`).toBe(signoff.primary)
  await toggle.click()
  await panel.waitFor({ state: 'detached' })
}

it.each(Object.entries(DEMO_USERS))('opens both documents as %s without a refusal or an error', async (role, email) => {
  const user = await newUserContext(parts.browser(), parts.server().httpUrl, { email })
  for (const documentId of [DE_PEEL, VOORSTEL_NB]) {
    await openDocument(user.page, documentId)
    await waitForSaveStatus(user.page, SaveStatus.saved)
    // Long enough for the sync answer and its verdict to come back.
    await user.page.waitForTimeout(1_000)
    expect(await user.page.getByTestId('refusal').count(), `refusal on ${documentId}`).toBe(0)
    expect(await user.page.getByTestId('connection-closed').count(), `closed on ${documentId}`).toBe(0)
    expect(await saveStatusText(user.page)).toBe(SaveStatus.saved)
    if (documentId === DE_PEEL) await expectOffered(user.page, role as keyof typeof DEMO_USERS)
  }
  user.assertNoProblems()
  await user.close()
})

it('follows a new signatory and trekker right on a page that is open, without a reload', async () => {
  const user = await newUserContext(parts.browser(), parts.server().httpUrl, { email: DEMO_USERS.rijkAuteur })
  const page = user.page
  await openDocument(page, DE_PEEL)
  await waitForSaveStatus(page, SaveStatus.saved)
  const toggle = page.getByTestId('open-signoff')
  await expect.poll(() => toggle.textContent(), { timeout: 10_000 }).toBe(DOES_NOT_SIGN.button)
  await toggle.click()
  const panel = page.getByTestId('signoff-panel')
  await expect.poll(() => panel.locator('h2').first().textContent(), { timeout: 10_000 }).toBe(DOES_NOT_SIGN.panel)
  // An ijkmoment's button (open the next one, or close the one running) is a trekker's.
  const roundButton = page.locator('[data-testid="round-open"], [data-testid="round-close"]')
  expect(await roundButton.count()).toBe(0)

  // The administrator makes the author a signatory and a trekker while the page is open.
  const result = await runCli(parts.server(), [
    'member:set',
    '--email',
    DEMO_USERS.rijkAuteur,
    '--area',
    'de-peel',
    '--role',
    'auteur',
    '--signatory',
    '--trekker',
  ])
  expect(result.code, result.stderr).toBe(0)
  // The header's button, the open panel and the ijkmoment's buttons follow, without a reload.
  await expect.poll(() => toggle.textContent(), { timeout: 10_000 }).toBe(SIGNS.button)
  await expect.poll(() => panel.locator('h2').first().textContent(), { timeout: 10_000 }).toBe(SIGNS.panel)
  await roundButton.first().waitFor({ timeout: 10_000 })
  expect(await saveStatusText(page)).toBe(SaveStatus.saved)
  user.assertNoProblems()
  await user.close()
})

it('takes no more typing on a page whose access was taken away, and says it will not be saved', async () => {
  const user = await newUserContext(parts.browser(), parts.server().httpUrl, { email: DEMO_USERS.provincieAuteur })
  const page = user.page
  await openDocument(page, DE_PEEL)
  await waitForSaveStatus(page, SaveStatus.saved)
  const result = await runCli(parts.server(), [
    'member:remove',
    '--email',
    DEMO_USERS.provincieAuteur,
    '--area',
    'de-peel',
  ])
  expect(result.code, result.stderr).toBe(0)
  await page.getByTestId('connection-closed').waitFor({ timeout: 10_000 })
  // Not "Offline — wijzigingen worden lokaal bewaard": this page will never send them.
  await expect.poll(() => saveStatusText(page)).toBe('Niet opgeslagen — wijzigingen worden in deze browser bewaard')
  const editor = page.locator('[data-testid="section"] .ProseMirror').first()
  await expect.poll(() => editor.getAttribute('aria-readonly')).toBe('true')
  // A key typed there changes nothing, and the section says why.
  const before = (await editor.textContent()) ?? ''
  await editor.click()
  await page.keyboard.type('x')
  await expect
    .poll(() => page.locator('[data-testid="section"]').first().textContent())
    .toContain('Deze pagina kan niets meer opslaan: u heeft geen toegang meer tot dit document')
  expect(await editor.textContent()).toBe(before)
  await user.close()
})
