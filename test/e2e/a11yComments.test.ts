// Comments, ijkmomenten and versions meet WCAG 2.1 AA and speak only from the message catalogue. The
// same walk through every state — the document with open and resolved threads in the side panel, the
// reply form, the @-mention suggestions, the close-round dialog, the round report, the version
// history, a comparison and a version read-only — is checked with axe in Dutch and with the catalogue
// check in the pseudo-locale. English is checked once. The dialogs and panels manage the focus:
// it moves in, stays in the modal dialog, Escape closes, and it returns to the control that opened it.
import { orderedSections, type SectionId } from '@novex/shared'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { DEMO_USERS, launchBrowser, newUserContext, openDocument, type UserContext } from '../helpers/browser.ts'
import { connectClient } from '../helpers/client.ts'
import { anchorOver, api, firstText } from '../helpers/comments.ts'
import { appendLink, appendParagraph, DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { login } from '../helpers/session.ts'
import { expectAccessible } from './support/axe.ts'
import { expectOnlyCatalogueTexts, LANGUAGE_STORAGE_KEY, usePseudoLocale } from './support/catalogue.ts'

let server: RunningServer
let browser: Browser
const contexts: UserContext[] = []

/**
 * Threads in two sections: one open (with a reply), one resolved; IJkmoment 1 closed, then a new
 * paragraph in the second section (so a comparison shows a change), then IJkmoment 2 running.
 */
async function seed(): Promise<void> {
  const provincie = await login(server, DEMO_USERS.provincieAuteur)
  const rijk = await login(server, DEMO_USERS.rijkAuteur)
  const trekker = await login(server, DEMO_USERS.rijkOndertekenaar)
  const client = connectClient(server, DE_PEEL, { cookie: provincie })
  await client.synced()
  const sections = orderedSections(client.doc)
  const ids: string[] = []
  for (const [index, body] of [
    [0, 'Kan de stikstofopgave concreter, met getallen per deelgebied?'],
    [1, 'Deze passage is helder.'],
  ] as const) {
    const id = (sections[index] as { id: SectionId }).id
    const text = firstText(client.doc, id)
    const created = await api<{ id: string }>(server, provincie, 'POST', `/api/documents/${DE_PEEL}/comments`, {
      sectionId: id,
      anchor: anchorOver(text, 3, 14),
      quote: text.toString().slice(3, 14),
      body,
    })
    expect(created.status).toBe(201)
    ids.push(created.body.id)
  }
  const [open, resolved] = ids
  const replied = await api(server, rijk, 'POST', `/api/documents/${DE_PEEL}/comments/${open}/messages`, {
    body: 'Ja, dat voegen we toe in de volgende versie.',
  })
  expect(replied.status).toBe(201)
  expect(
    (await api(server, provincie, 'POST', `/api/documents/${DE_PEEL}/comments/${resolved}/resolve`, {})).status,
  ).toBe(200)
  const review = async (step: 'open' | 'close'): Promise<void> => {
    const answer = await api(server, trekker, 'POST', `/api/documents/${DE_PEEL}/review/${step}`, {})
    expect(answer.status, `review/${step}`).toBe(200)
  }
  await review('open')
  await review('close')
  appendParagraph((sections[1] as { content: Y.XmlFragment }).content, 'Een zin die na IJkmoment 1 is toegevoegd.')
  // A cross-reference added after the round: the comparison names its target ("[koppeling: § 1 …]").
  appendLink(
    (sections[1] as { content: Y.XmlFragment }).content,
    'Zie ook ',
    DE_PEEL,
    (sections[0] as { id: string }).id,
  )
  await client.saved()
  client.destroy()
  await review('open')
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  await seed()
}, 120_000)

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

/** A trekker (may close rounds) in a fresh browser context, optionally in the pseudo-locale. */
async function trekkerPage(options: { pseudo?: boolean; language?: 'en' } = {}): Promise<UserContext> {
  const user = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkOndertekenaar })
  contexts.push(user)
  user.context.setDefaultTimeout(30_000)
  if (options.pseudo) await usePseudoLocale(user.context)
  if (options.language) {
    await user.context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      LANGUAGE_STORAGE_KEY,
      options.language,
    ] as const)
  }
  return user
}

async function activeTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
}

/**
 * What this suite checks on the document page: the parts comments and ijkmomenten render (the side
 * panel, the review line with its dialog and report, the comment form and buttons, the highlights).
 * The rest of the page belongs to other features, which check it in their own suites.
 */
const COMMENT_PARTS = [
  '[data-testid="comments-panel"]',
  '.round-status-bar',
  '[data-testid="comment-form"]',
  '[data-testid="comment-button"]',
].join(', ')
/** Axe also checks the highlights' contrast; their text is the document's (no catalogue check). */
const HIGHLIGHTS = '[data-testid="comment-highlight"]'
/** The versions page below the application's header: all of it is this feature's. */
const VERSIONS_PAGE = '.versions-page'

type Check = (page: Page, what: string, within: string) => Promise<void>

/** Walks through every state of comments, rounds and versions, calling `check` in each. */
async function walkStates(page: Page, check: Check): Promise<void> {
  await openDocument(page, DE_PEEL)
  const panel = page.getByTestId('comments-panel')
  // The two seeded here, and the demo's friction point (open).
  await expect.poll(() => panel.getByTestId('comment-thread').count(), { timeout: 30_000 }).toBe(3)
  await page.locator('[data-testid="comment-highlight"]').first().waitFor()
  await check(page, 'document with the comments panel (open and resolved threads)', COMMENT_PARTS)

  // The reply form of the open thread.
  const open = panel.locator('[data-testid="comment-thread"][data-status="open"]').first()
  await open.getByTestId('comment-reply').click()
  await open.getByTestId('comment-body').waitFor()
  await check(page, 'reply form', COMMENT_PARTS)
  await page.keyboard.press('Escape')
  await open.getByTestId('comment-body').waitFor({ state: 'detached' })

  // "Reactie plaatsen" with the @-mention suggestions open.
  const editor = page.locator('[data-testid="section"] .ProseMirror').nth(2)
  await editor.focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Control+Shift+ArrowRight')
  await page.keyboard.press('Control+Alt+M')
  const form = page.getByTestId('comment-form')
  await form.getByTestId('comment-body').waitFor()
  await page.keyboard.type('Vraag voor @An')
  await form.getByRole('listbox').waitFor()
  await check(page, 'comment form with mention suggestions', COMMENT_PARTS)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await form.waitFor({ state: 'detached' })

  // The close-round dialog (cancelled: the round keeps running).
  await page.getByTestId('round-close').click()
  await page.getByTestId('round-close-dialog').waitFor()
  await check(page, 'close-round dialog', COMMENT_PARTS)
  await page.keyboard.press('Escape')
  await page.getByTestId('round-close-dialog').waitFor({ state: 'detached' })

  // The report of IJkmoment 1.
  await page.getByTestId('round-report-open').click()
  await page.getByTestId('round-report').waitFor()
  await check(page, 'round report', COMMENT_PARTS)
  await page.getByTestId('round-report-close').click()

  // The version history, a comparison with the current text, and a version read-only.
  await page.goto(`/document/${DE_PEEL}/versies`)
  const versions = page.getByTestId('version')
  await expect.poll(() => versions.count(), { timeout: 30_000 }).toBe(3)
  await check(page, 'version history', VERSIONS_PAGE)
  await versions.nth(1).getByRole('button').nth(2).click()
  const compare = page.getByTestId('version-compare')
  // The changed section, with its insertion marked in words and not by colour alone.
  await compare.locator('[data-status="changed"] ins').first().waitFor()
  await check(page, 'version comparison', VERSIONS_PAGE)
  await versions.nth(1).getByRole('button').first().click()
  await page.getByTestId('version-reader').locator('.ProseMirror').first().waitFor()
  await check(page, 'version read-only', VERSIONS_PAGE)
}

describe('comments, ijkmomenten and versions', () => {
  it('have no WCAG 2.1 A/AA violations in any state (Dutch)', async () => {
    const user = await trekkerPage()
    await walkStates(user.page, (page, what, within) =>
      expectAccessible(page, what, within === COMMENT_PARTS ? `${within}, ${HIGHLIGHTS}` : within),
    )
    user.assertNoProblems()
  }, 240_000)

  it('show only texts from the message catalogue in every state (pseudo-locale)', async () => {
    const user = await trekkerPage({ pseudo: true })
    await walkStates(user.page, (page, what, within) => expectOnlyCatalogueTexts(page, what, within))
    // A text missing from the catalogue is logged as a console error.
    user.assertNoProblems()
  }, 240_000)

  it('speak English when English is chosen', async () => {
    const { page, assertNoProblems } = await trekkerPage({ language: 'en' })
    await openDocument(page, DE_PEEL)
    const panel = page.getByTestId('comments-panel')
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).first().textContent()).toContain('Comments')
    await expect.poll(() => page.getByTestId('round-status').textContent()).toBe('● Review checkpoint 2 is running')
    const resolved = panel.locator('[data-testid="comment-thread"][data-status="resolved"]')
    expect(await resolved.textContent()).toContain('Resolved by')
    expect(await panel.getByTestId('comment-reply').first().textContent()).toBe('Reply')
    await page.goto(`/document/${DE_PEEL}/versies`)
    await page.getByRole('heading', { level: 1, name: 'Version history' }).waitFor()
    expect(await page.getByTestId('version').first().textContent()).toMatch(/saved on \d{2}-\d{2}-\d{4} \d{2}:\d{2}/)
    // The versions are named in English from their kind (the server stores Dutch names).
    expect(await page.locator('.version-list__name').allTextContents()).toEqual([
      'Start of review checkpoint 1',
      'End of review checkpoint 1',
      'Start of review checkpoint 2',
    ])
    expect(await page.getByTestId('compare-from').locator('option').allTextContents()).toEqual([
      'Start of review checkpoint 1',
      'End of review checkpoint 1',
      'Start of review checkpoint 2',
    ])
    await page.getByTestId('version').nth(1).getByRole('button', { name: 'Compare with current version' }).click()
    await expect
      .poll(() => page.getByTestId('version-compare').getByRole('heading', { level: 2 }).first().textContent())
      .toBe('End of review checkpoint 1 compared with current version')
    // The link added after the round, named in English; its target is the document's text.
    const link = page.getByTestId('version-compare').getByTestId('diff-link')
    await expect.poll(() => link.textContent()).toMatch(/^\[link: § 1 .+\]$/)
    expect(await link.locator('[translate="no"]').textContent()).toMatch(/^§ 1 /)
    assertNoProblems()
  })
})

/**
 * For each compare select: whether the widest option's text fits between the start padding and the arrow
 * (drawn as a background image `size` wide, `offset` from the end edge: "calc(100% - 8px) 50%"), and
 * whether the select stays inside the window. A select's scrollWidth never exceeds its clientWidth, so
 * the text is measured with the select's own font.
 */
function compareSelectsFit(page: Page) {
  return page.evaluate(async () => {
    await document.fonts.ready
    const context = document.createElement('canvas').getContext('2d')
    return ['compare-from', 'compare-to'].map((testId) => {
      const select = document.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)
      if (!select || !context) return { testId, widest: '(no select)', fits: false, inWindow: false }
      const style = getComputedStyle(select)
      context.font = style.font
      const texts = Array.from(select.options, (o) => o.text)
      const width = (text: string) => context.measureText(text).width
      const widest = texts.reduce((a, b) => (width(b) > width(a) ? b : a), '')
      const offset = Number(/calc\(100% - ([\d.]+)px\)/.exec(style.backgroundPosition)?.[1] ?? 0)
      const arrowStart = select.clientWidth - offset - Number.parseFloat(style.backgroundSize)
      const textEnd = select.clientWidth - Number.parseFloat(style.paddingRight)
      const fits = Number.parseFloat(style.paddingLeft) + width(widest) <= Math.min(arrowStart, textEnd) + 0.5
      return { testId, widest, fits, inWindow: select.getBoundingClientRect().right <= window.innerWidth }
    })
  })
}

describe('the compare form', () => {
  // "Begin IJkmoment 1" ran under the select's arrow (QA, 1280 px).
  it('shows the whole name of every version beside the arrow, on a wide screen and on a phone', async () => {
    for (const language of ['nl', 'en'] as const) {
      const { page, assertNoProblems } = await trekkerPage(language === 'en' ? { language } : {})
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 })
        await page.goto(`/document/${DE_PEEL}/versies`)
        await expect.poll(() => page.getByTestId('compare-from').locator('option').count()).toBe(3)
        // The widest option is named in the failure message when one does not fit.
        expect(await compareSelectsFit(page), `${language} at ${width} px`).toEqual([
          { testId: 'compare-from', widest: expect.any(String), fits: true, inWindow: true },
          { testId: 'compare-to', widest: expect.any(String), fits: true, inWindow: true },
        ])
      }
      assertNoProblems()
    }
  })
})

describe('focus in the dialogs and panels', () => {
  it('the close-round dialog takes the focus, keeps Tab inside, closes on Escape and gives the focus back', async () => {
    const { page, assertNoProblems } = await trekkerPage()
    await openDocument(page, DE_PEEL)
    const opener = page.getByTestId('round-close')
    await opener.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByTestId('round-close-dialog')
    await dialog.waitFor()
    const inDialog = () => dialog.evaluate((el) => el.contains(document.activeElement))
    await expect.poll(inDialog).toBe(true)
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key)
      expect(await inDialog(), `focus inside the dialog after ${key}`).toBe(true)
    }
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => activeTestId(page)).toBe('round-close')
    // Cancelled: the round still runs.
    expect(await page.getByTestId('round-status').getAttribute('data-round')).toBe('2')
    assertNoProblems()
  })

  it('the round report takes the focus and Escape gives it back to its button', async () => {
    const { page, assertNoProblems } = await trekkerPage()
    await openDocument(page, DE_PEEL)
    await page.getByTestId('round-report-open').focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('round-report').waitFor()
    await expect.poll(() => activeTestId(page)).toBe('round-report')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Escape')
    await page.getByTestId('round-report').waitFor({ state: 'detached' })
    await expect.poll(() => activeTestId(page)).toBe('round-report-open')
    assertNoProblems()
  })

  it('the mention suggestions are a listbox driven from the text field', async () => {
    const { page, assertNoProblems } = await trekkerPage()
    await openDocument(page, DE_PEEL)
    const editor = page.locator('[data-testid="section"] .ProseMirror').nth(2)
    await editor.focus()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Control+Shift+ArrowRight')
    await page.keyboard.press('Control+Alt+M')
    const field = page.getByTestId('comment-form').getByTestId('comment-body')
    await field.waitFor()
    await page.keyboard.type('Vraag voor @')
    const listbox = page.getByRole('listbox')
    await listbox.waitFor()
    const options = listbox.getByRole('option')
    expect(await options.count()).toBeGreaterThan(1)
    // The field keeps the focus and points at the active option; arrows move it.
    expect(await activeTestId(page)).toBe('comment-body')
    const active = () => field.getAttribute('aria-activedescendant')
    const first = await active()
    expect(first).toBe(await options.first().getAttribute('id'))
    expect(await options.first().getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowDown')
    await expect.poll(active).toBe(await options.nth(1).getAttribute('id'))
    const chosen = (await options.nth(1).textContent()) ?? ''
    await page.keyboard.press('Enter')
    await listbox.waitFor({ state: 'detached' })
    await expect.poll(() => field.inputValue()).toBe(`Vraag voor @${chosen.replace(/ \(.*\)$/, '')} `)
    // Escape closes an open list first, then the form; the focus goes back to the text.
    await page.keyboard.type('en @')
    await listbox.waitFor()
    await page.keyboard.press('Escape')
    await listbox.waitFor({ state: 'detached' })
    expect(await activeTestId(page)).toBe('comment-body')
    await page.keyboard.press('Escape')
    await page.getByTestId('comment-form').waitFor({ state: 'detached' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
    assertNoProblems()
  })

  it('a version comparison takes the focus, and Escape gives it back to the button that asked for it', async () => {
    const { page, assertNoProblems } = await trekkerPage()
    await page.goto(`/document/${DE_PEEL}/versies`)
    const button = page
      .getByTestId('version')
      .first()
      .getByRole('button', { name: /Vergelijken met huidige versie/ })
    await button.focus()
    await page.keyboard.press('Enter')
    const compare = page.getByTestId('version-compare')
    await compare.waitFor()
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="version-compare"]') !== null))
      .toBe(true)
    await page.keyboard.press('Escape')
    await compare.waitFor({ state: 'detached' })
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Vergelijken met huidige versie')
    expect(new URL(page.url()).search).toBe('')
    assertNoProblems()
  })
})
