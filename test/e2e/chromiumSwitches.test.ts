// The test browser's feature switches (test/helpers/chromiumFeatures.ts): Chromium keeps only the last
// `--disable-features`, so ours must still carry every feature Playwright disables, and the address
// bar's pop-up WebUI (a renderer process per browser context) must not be started.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchBrowser } from '../helpers/browser.ts'
import { UNSEEN_BROWSER_UI_FEATURES } from '../helpers/chromiumFeatures.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** The browser process's command line, as chrome://version shows it. */
async function commandLine(): Promise<string[]> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto('chrome://version')
    return ((await page.locator('#command_line').textContent()) ?? '').split(/\s+/)
  } finally {
    await context.close()
  }
}

it('keeps every feature Playwright disables in the one --disable-features switch that counts, plus ours', async () => {
  const lists = (await commandLine())
    .filter((part) => part.startsWith('--disable-features='))
    .map((part) => part.slice('--disable-features='.length).split(','))
  // Playwright's own switch and ours.
  expect(lists.length).toBeGreaterThanOrEqual(2)
  const effective = lists.at(-1) ?? []
  for (const earlier of lists.slice(0, -1)) {
    expect(earlier.filter((feature) => !effective.includes(feature))).toEqual([])
  }
  expect(effective).toEqual(expect.arrayContaining([...UNSEEN_BROWSER_UI_FEATURES]))
})

it('starts no omnibox pop-up page for a new browser context', async () => {
  const context = await browser.newContext()
  try {
    await (await context.newPage()).goto('about:blank')
    const cdp = await browser.newBrowserCDPSession()
    const { targetInfos } = await cdp.send('Target.getTargets')
    await cdp.detach()
    const urls = targetInfos.map((target) => target.url)
    expect(urls).toContain('about:blank')
    expect(urls.filter((url) => url.startsWith('chrome://omnibox-popup'))).toEqual([])
  } finally {
    await context.close()
  }
})
