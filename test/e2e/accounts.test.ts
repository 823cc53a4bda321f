// Logging in and out through the login page, and a `lezer` who sees the document live but cannot type.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  editorOf,
  editorText,
  launchBrowser,
  newUserContext,
  openDocument,
  SaveStatus,
  sectionIds,
  titleInputOf,
  typeAtEnd,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/waitFor.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

describe('login page', () => {
  it('sends a visitor without a session to the login page, logs in with the keyboard and out again', async () => {
    const context = await browser.newContext({ baseURL: server.httpUrl })
    const page = await context.newPage()
    await page.goto(`/document/${DE_PEEL}`)
    await page.waitForURL(/\/inloggen\?terug=/)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Inloggen')

    // Nothing filled in, or half an address: the form says what to do, in words, with the focus there.
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name'))
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Vul uw e-mailadres in.')
    expect(await focusedName()).toBe('email')
    await page.keyboard.type('provincie.auteur')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Vul een volledig e-mailadres in')
    await page.getByLabel('E-mailadres').fill(DEMO_USERS.provincieAuteur)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Vul uw wachtwoord in.')
    expect(await focusedName()).toBe('password')

    // A wrong password: a clear Dutch message, still on the login page, the password selected to retype.
    await page.getByLabel('E-mailadres').fill(DEMO_USERS.provincieAuteur)
    await page.getByLabel('Wachtwoord').fill('verkeerd')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Het e-mailadres of het wachtwoord klopt niet.')
    expect(await focusedName()).toBe('password')

    // The right one brings the user back to the document they asked for, as themselves.
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD)
    await page.keyboard.press('Enter')
    await page.waitForURL(`**/document/${DE_PEEL}`)
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Bram Jansen')
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Opgeslagen')

    // A comment being written does not hold the logout up with "Leave site?" once the session has
    // ended (the browser would stay on a logged-out page); its draft is kept.
    await page.locator('[data-testid="section"] .ProseMirror').first().click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Control+Shift+ArrowRight')
    await page.keyboard.press('Control+Alt+M')
    await page.keyboard.type('Nog niet verstuurd')
    expect(await page.getByTestId('comment-body').inputValue()).toBe('Nog niet verstuurd')
    await page.getByTestId('logout').click()
    await page.waitForURL('**/inloggen')
    await page.goto('/')
    await page.waitForURL(/\/inloggen/)
    await context.close()
  })
})

describe('read-only member', () => {
  it('lets a lezer follow the document live but not change it', async () => {
    const author = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
    const reader = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.lezer })
    await openDocument(author.page, DE_PEEL)
    await openDocument(reader.page, DE_PEEL)
    await expect
      .poll(() => reader.page.getByTestId('access-notice').textContent())
      .toBe('U kunt dit document alleen lezen.')
    const sectionId = (await sectionIds(reader.page))[0]!
    const editor = editorOf(reader.page, sectionId)
    await expect.poll(() => editor.getAttribute('contenteditable')).toBe('false')
    expect(await titleInputOf(reader.page, sectionId).isEditable()).toBe(false)

    // The author's typing appears for the reader, live.
    await typeAtEnd(author.page, sectionId, ' Live voor de lezer.')
    await waitFor(async () => (await editorText(reader.page, sectionId)).includes('Live voor de lezer.'), {
      message: 'author text at the reader',
    })

    // The reader's keystrokes change nothing, for the reader or for the author.
    const before = await editorText(reader.page, sectionId)
    await editor.click()
    await reader.page.keyboard.type('Mag niet')
    expect(await editorText(reader.page, sectionId)).toBe(before)
    expect(await editorText(author.page, sectionId)).not.toContain('Mag niet')
    // Opening the document and following it live is not a change: nothing was refused, and all is saved.
    await waitForSaveStatus(reader.page, SaveStatus.saved)
    expect(await reader.page.getByTestId('refusal').count()).toBe(0)

    author.assertNoProblems()
    reader.assertNoProblems()
    await author.context.close()
    await reader.context.close()
  })
})
