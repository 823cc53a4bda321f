// Logging in through the organisation's identity provider, in a real browser: the login page offers the
// provider's button first; the browser goes to a real OpenID Connect provider and comes back logged in,
// on the document it asked for, with a working editor; logging out ends the provider's session too, and
// logging out at the provider (in another tab) closes the open document here. A person the editor does
// not know comes back to the login page with a plain reason, and can still use the e-mail form. The login
// itself with the keyboard.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchBrowser, SaveStatus, waitForSaveStatus } from '../helpers/browser.ts'
import {
  type ServerWithProvider,
  startServerWithProvider,
  type TestIdentityProvider,
} from '../helpers/identityProvider.ts'
import type { RunningServer } from '../helpers/server.ts'
import { DEMO } from '../helpers/session.ts'
import { expectAccessible } from './support/axe.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
let running: ServerWithProvider
let server: RunningServer
let idp: TestIdentityProvider
let browser: Browser

beforeAll(async () => {
  running = await startServerWithProvider({ label: 'Inloggen met SSO-Rijk' })
  ;({ server, idp } = running)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await running?.stop()
})

/** A visitor without a session asks for De Peel and lands on the login page. */
async function visitor(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: server.httpUrl, viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`/document/${DE_PEEL}`)
  await page.waitForURL(/\/inloggen\?terug=/)
  await page.getByTestId('provider-login').waitFor()
  return { context, page, errors }
}

/** Tabs to the provider's button and follows it with Enter. */
async function providerLoginByKeyboard(page: Page): Promise<void> {
  for (let tab = 0; tab < 20; tab++) {
    await page.keyboard.press('Tab')
    const on = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    if (on === 'provider-login') break
  }
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Inloggen met SSO-Rijk')
  await page.keyboard.press('Enter')
}

it('logs a provincial author in through the provider, back on the document they asked for, and the editor works', async () => {
  const { context, page, errors } = await visitor()
  await expectAccessible(page, 'the login page with a provider')
  idp.nextLogin({ sub: 'nb-42', email: DEMO.provincieAuteur, email_verified: true })
  await providerLoginByKeyboard(page)
  await page.waitForURL(`**/document/${DE_PEEL}`)
  await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Noord-Brabant')
  // The sync socket takes the session too: the document is open and saves.
  await waitForSaveStatus(page, SaveStatus.saved)
  // The provider saw our server's request come from the login page's button.
  expect(idp.requests.at(-1)?.get('code_challenge_method')).toBe('S256')

  // "Uitloggen" ends the session at the provider too: its page asks, then sends the browser back here.
  await page.getByTestId('logout').click()
  await page.waitForURL(`${idp.issuer}/**`)
  await page.getByRole('button', { name: 'Ja, uitloggen' }).click()
  await page.waitForURL(`${server.httpUrl}/inloggen`)
  await page.getByTestId('provider-login').waitFor()
  // The next login through the provider asks who it is again.
  idp.nextLogin({ sub: 'rijk-7', email: DEMO.rijkAuteur, email_verified: true })
  await page.getByTestId('provider-login').click()
  await page.waitForURL(`${server.httpUrl}/`)
  await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Anne de Vries')
  expect(errors).toEqual([])
  await context.close()
}, 90_000)

it('closes the open document and says why when the person logs out at the provider in another tab', async () => {
  const { context, page, errors } = await visitor()
  idp.nextLogin({ sub: 'nb-43', email: DEMO.provincieAuteur, email_verified: true })
  await page.getByTestId('provider-login').click()
  await page.waitForURL(`**/document/${DE_PEEL}`)
  await waitForSaveStatus(page, SaveStatus.saved)

  // Another tab: the provider's own logout page, as from another application of the organisation.
  const other = await context.newPage()
  await other.goto(idp.endSessionUrl.href)
  await other.getByRole('button', { name: 'Ja, uitloggen' }).click()
  await other.getByRole('heading', { name: 'U bent uitgelogd' }).waitFor()

  // The provider told the editor (back-channel): the document says so, at once.
  const notice = page.getByTestId('connection-closed')
  await notice.waitFor({ state: 'visible', timeout: 5_000 })
  expect(await notice.textContent()).toContain('Uw sessie is verlopen of u bent uitgelogd.')
  expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(401)
  expect(errors).toEqual([])
  await context.close()
}, 90_000)

it('brings a person the editor does not know back to the login page with the reason, and makes no session', async () => {
  const { context, page, errors } = await visitor()
  idp.nextLogin({ sub: 'x-9', email: 'stagiair@provincie.example', email_verified: true })
  await page.getByTestId('provider-login').click()
  await page.waitForURL(/\/inloggen\?fout=oidc_unknown_user&terug=/)
  await expect
    .poll(() => page.getByTestId('provider-failure').textContent())
    .toBe(
      'Uw organisatie heeft u herkend, maar u heeft nog geen toegang tot deze editor. Vraag de trekker van uw gebied om u toe te voegen.',
    )
  await expectAccessible(page, 'the login page after a refused provider login')
  // No session was made.
  const session = await page.evaluate(async () => (await fetch('/api/session')).status)
  expect(session).toBe(401)

  expect(errors).toEqual([])
  await context.close()
}, 90_000)

it('says so when the person stops at the provider, and the e-mail form under the button still logs in', async () => {
  // A fresh browser: one that is still logged in at the provider would not be asked again.
  const { context, page, errors } = await visitor()
  idp.nextLogin('cancel')
  await page.getByTestId('provider-login').click()
  await page.waitForURL(/\/inloggen\?fout=oidc_cancelled&terug=/)
  await expect
    .poll(() => page.getByTestId('provider-failure').textContent())
    .toBe('U heeft het inloggen bij uw organisatie afgebroken. Probeer het opnieuw als u wilt inloggen.')

  await page.getByLabel('E-mailadres').fill(DEMO.rijkAuteur)
  await page.getByLabel('Wachtwoord').fill('novex-demo')
  await page.keyboard.press('Enter')
  await page.waitForURL(`**/document/${DE_PEEL}`)
  await waitForSaveStatus(page, SaveStatus.saved)
  expect(errors).toEqual([])
  await context.close()
}, 90_000)
