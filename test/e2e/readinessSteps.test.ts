// "Gereed voor BO-MIRT?" says where the document really stands. Regressions: once IJkmoment 1 was
// closed the steps still said "IJkmoment 1 (nu)", as if the checkpoint were running; and the verdict
// "Nog niet gereed" showed the padlock, which everywhere else in the app means signed and locked.
// A trekker opens and closes the round (through the API) while the page is open: it follows live.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { closeWithoutProblems, DEMO_USERS, newUserContext } from '../helpers/browser.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { login } from '../helpers/session.ts'
import { postJson } from '../helpers/signoff.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { expectAccessible } from './support/axe.ts'
import { LANGUAGE_STORAGE_KEY } from './support/catalogue.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

/** Every step as it reads, the one with aria-current="step" marked with "*". */
const steps = (page: Page): Promise<string[]> =>
  page
    .locator('[data-testid="status-panel"] ol li')
    .evaluateAll((items) =>
      items.map((li) => `${li.getAttribute('aria-current') === 'step' ? '*' : ''}${(li.textContent ?? '').trim()}`),
    )

async function waitForSteps(page: Page, expected: readonly string[]): Promise<void> {
  let last: string[] = []
  try {
    await waitFor(
      async () => {
        last = await steps(page)
        return JSON.stringify(last) === JSON.stringify(expected)
      },
      { timeout: 15_000, message: 'the steps' },
    )
  } catch (error) {
    throw new Error(`${(error as Error).message}; the page showed ${JSON.stringify(last)}`)
  }
}

/** The icons beside the verdict, by name. */
const verdictIcons = (page: Page): Promise<string[]> =>
  page
    .locator('[data-testid="readiness-verdict"] svg')
    .evaluateAll((icons) => icons.map((icon) => icon.getAttribute('class') ?? ''))

describe('the readiness page around an ijkmoment', () => {
  const parts = useServerAndBrowser()

  it('says a closed ijkmoment is done, not now, and shows no padlock for "not ready yet"', async () => {
    const server = parts.server()
    const trekker = await login(server, DEMO_USERS.rijkOndertekenaar)
    const review = (step: 'open' | 'close') => postJson(server, trekker, `/api/documents/${DE_PEEL}/review/${step}`, {})
    const user = await newUserContext(parts.browser(), server.httpUrl, { email: DEMO_USERS.provincieAuteur })
    const { page } = user
    await page.goto(`/document/${DE_PEEL}/gereed`)
    await waitForSteps(page, [
      '*Concept (nu)',
      'IJkmoment 1',
      'IJkmoment 2',
      'IJkmoment 3',
      'Ter instemming (BOL/BO-MIRT)',
      'Onderschreven door Rijk en regio',
      'Vastgesteld',
    ])
    // Nothing is signed in the demo: not ready, with a clock, not the padlock.
    await waitFor(async () => (await page.getByTestId('readiness-verdict').textContent())?.startsWith('Nog niet'), {
      message: 'the verdict',
    })
    expect(await page.getByTestId('readiness-verdict').textContent()).toBe(
      'Nog niet gereed: 0 van 8 onderdelen vergrendeld',
    )
    expect(await verdictIcons(page)).toEqual(['icon icon-clock'])

    expect((await review('open')).status).toBe(200)
    await waitForSteps(page, [
      'Concept (afgerond)',
      '*IJkmoment 1 (nu)',
      'IJkmoment 2',
      'IJkmoment 3',
      'Ter instemming (BOL/BO-MIRT)',
      'Onderschreven door Rijk en regio',
      'Vastgesteld',
    ])

    // Closed: still the document's step (the header says "Status: IJkmoment 1" until IJkmoment 2
    // opens), but done, and the step it waits for is named.
    expect((await review('close')).status).toBe(200)
    await waitForSteps(page, [
      'Concept (afgerond)',
      '*IJkmoment 1 (afgerond)',
      'IJkmoment 2 (volgende stap)',
      'IJkmoment 3',
      'Ter instemming (BOL/BO-MIRT)',
      'Onderschreven door Rijk en regio',
      'Vastgesteld',
    ])
    // "(afgerond)" of the closed round is on screen, where "(nu)" stood; that of Concept is for screen
    // readers (its tick says it on screen).
    const shown = page.locator('[data-testid="status-panel"] li[data-status="ijkmoment-1"] span')
    expect(await shown.getAttribute('class')).not.toContain('visually-hidden')
    const concept = page.locator('[data-testid="status-panel"] li[data-status="concept"] span')
    expect(await concept.getAttribute('class')).toContain('visually-hidden')
    await expectAccessible(page, 'the readiness page after a closed ijkmoment')

    // The same in English.
    const english = await user.newPage()
    await english.addInitScript((key) => window.localStorage.setItem(key, 'en'), LANGUAGE_STORAGE_KEY)
    await english.goto(`/document/${DE_PEEL}/gereed`)
    await waitForSteps(english, [
      'Draft (done)',
      '*Review checkpoint 1 (done)',
      'Review checkpoint 2 (next step)',
      'Review checkpoint 3',
      'Submitted for consent (BOL/BO-MIRT)',
      'Endorsed by the national government and region',
      'Adopted',
    ])
    expect(await english.getByTestId('readiness-verdict').textContent()).toBe('Not ready yet: 0 of 8 parts locked')
    expect(await verdictIcons(english)).toEqual(['icon icon-clock'])

    // The next round running: that one is now, the closed one done.
    expect((await review('open')).status).toBe(200)
    await waitForSteps(page, [
      'Concept (afgerond)',
      'IJkmoment 1 (afgerond)',
      '*IJkmoment 2 (nu)',
      'IJkmoment 3',
      'Ter instemming (BOL/BO-MIRT)',
      'Onderschreven door Rijk en regio',
      'Vastgesteld',
    ])
    await closeWithoutProblems(user)
  })
})
