// "Meldingen per e-mail" in the header, where the server sends e-mail (a real SMTP server here): on by
// default, turned off and on with the keyboard, kept by the server over a reload; "Reacties één keer per
// dag" beside it while it is on; the language switch makes the server write the mail in the interface's
// language. (That no mail goes
// out while it is off: test/integration/commentMail.test.ts.)
import type { Page } from 'playwright-core'
import { afterAll, expect, it } from 'vitest'
import { closeWithoutProblems, DEMO_USERS, newUserContext } from '../helpers/browser.ts'
import { startMailServer } from '../helpers/mailServer.ts'
import { expectAccessible } from './support/axe.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const mail = await startMailServer()
const setup = useServerAndBrowser({
  env: { SMTP_URL: mail.url, MAIL_FROM: 'noreply@novex.example', PUBLIC_URL: 'http://localhost:4398' },
})
afterAll(() => mail.stop())

/** What the server keeps for the logged-in user. */
const stored = (page: Page): Promise<unknown> =>
  page.evaluate(async () => (await fetch('/api/session/mail')).json() as Promise<unknown>)

it('is turned off and on in the header with the keyboard, and kept by the server', async () => {
  const user = await newUserContext(setup.browser(), setup.server().httpUrl, { email: DEMO_USERS.rijkAuteur })
  const { page } = user
  await page.goto('/')
  const box = page.getByRole('checkbox', { name: 'Meldingen per e-mail' })
  await box.waitFor()
  expect(await box.isChecked()).toBe(true)
  await expectAccessible(page, 'the header with the e-mail setting')

  await box.focus()
  await page.keyboard.press('Space')
  await expect
    .poll(() => stored(page))
    .toEqual({ available: true, enabled: false, daily: false, dailyAt: '08:00', language: 'nl' })
  expect(await box.isChecked()).toBe(false)
  // Off: there is nothing to choose about when.
  expect(await page.getByTestId('mail-daily').count()).toBe(0)
  await page.reload()
  await box.waitFor()
  expect(await box.isChecked()).toBe(false)

  await box.focus()
  await page.keyboard.press('Space')
  await expect
    .poll(() => stored(page))
    .toEqual({ available: true, enabled: true, daily: false, dailyAt: '08:00', language: 'nl' })
  expect(await box.isChecked()).toBe(true)

  // Once a day: the next Tab stop, Space, kept over a reload.
  const daily = page.getByRole('checkbox', { name: 'Reacties één keer per dag (08:00)' })
  expect(await daily.isChecked()).toBe(false)
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('mail-daily')
  await page.keyboard.press('Space')
  await expect.poll(() => stored(page)).toMatchObject({ enabled: true, daily: true })
  await page.reload()
  await daily.waitFor()
  expect(await daily.isChecked()).toBe(true)
  await expectAccessible(page, 'the header with both e-mail settings')
  await daily.focus()
  await page.keyboard.press('Space')
  await expect.poll(() => stored(page)).toMatchObject({ daily: false })

  // The language switch: the mail follows the interface.
  await page.getByTestId('language-switch').click()
  await page.getByRole('checkbox', { name: 'Notifications by e-mail' }).waitFor()
  await page.getByRole('checkbox', { name: 'Comments once a day (08:00)' }).waitFor()
  await expect.poll(() => stored(page)).toMatchObject({ enabled: true, language: 'en' })
  await page.getByTestId('language-switch').click()
  await expect.poll(() => stored(page)).toMatchObject({ enabled: true, language: 'nl' })
  await closeWithoutProblems(user)
})
