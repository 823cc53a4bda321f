// From the text to its comment and back with the keyboard (QA: reaching "Beantwoorden" on a comment in
// § 2 took 92 Tabs through every section). A signatory puts the caret in commented text, presses
// Ctrl+Alt+Shift+A and lands on that comment's card, reaches "Beantwoorden" in a few Tabs, and Escape
// (or the same keys) takes them back into the text with the caret where it was. Outside commented text
// the keys go to the panel's heading. "Naar de reacties" beside "Naar de inhoud" does the same from the
// top of the page; the highlight tells a screen reader that the text has a comment and which key goes
// there; "Sneltoetsen" lists the keys. On a phone (390 px) the panel is below the document: the keys
// bring the card into view, and Escape brings the caret back into view.
import { orderedSections, type SectionId } from '@novex/shared'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  editorOf,
  launchBrowser,
  newUserContext,
  openDocument,
  type UserContext,
} from '../helpers/browser.ts'
import { connectClient } from '../helpers/client.ts'
import { anchorOver, api, firstText } from '../helpers/comments.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { login } from '../helpers/session.ts'

const SHORTCUT = 'Control+Alt+Shift+A'
/** Characters 3–14 of § 2's first paragraph carry the seeded comment. */
const COMMENTED = { from: 3, to: 14 }
const REPLY_BODY = 'Kunt u dit toelichten?'

let server: RunningServer
let browser: Browser
const users: UserContext[] = []
/** § 2, and the thread the province placed there. */
let section2: string
let threadId: string

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  const provincie = await login(server, DEMO_USERS.provincieAuteur)
  const client = connectClient(server, DE_PEEL, { cookie: provincie })
  await client.synced()
  section2 = (orderedSections(client.doc)[1] as { id: SectionId }).id
  const text = firstText(client.doc, section2 as SectionId)
  const created = await api<{ id: string }>(server, provincie, 'POST', `/api/documents/${DE_PEEL}/comments`, {
    sectionId: section2,
    anchor: anchorOver(text, COMMENTED.from, COMMENTED.to),
    quote: text.toString().slice(COMMENTED.from, COMMENTED.to),
    body: REPLY_BODY,
  })
  expect(created.status).toBe(201)
  threadId = created.body.id
  client.destroy()
}, 120_000)

afterAll(async () => {
  for (const user of users) await user.close().catch(() => undefined)
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

async function signatory(): Promise<UserContext> {
  const user = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkOndertekenaar })
  users.push(user)
  // A busy machine renders the editors slowly; a keyboard flow waits for each step.
  user.context.setDefaultTimeout(30_000)
  return user
}

interface Focused {
  readonly testId: string | null
  readonly tag: string
  /** The section whose text (editor) has the focus. */
  readonly textOf: string | null
  readonly threadId: string | null
  readonly inPanel: boolean
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement
    const editor = el?.closest('.ProseMirror') ? el.closest('[data-testid="section"]') : null
    return {
      testId: el?.getAttribute('data-testid') ?? null,
      tag: el?.tagName.toLowerCase() ?? '',
      textOf: editor?.getAttribute('data-section-id') ?? null,
      threadId: el?.closest('[data-testid="comment-thread"]')?.getAttribute('data-thread-id') ?? null,
      inPanel: el?.closest('[data-testid="comments-panel"]') != null,
    }
  })
}

/** How many characters of its paragraph lie before the caret (the focus end of the selection). */
function caretOffset(page: Page): Promise<number> {
  return page.evaluate(() => {
    const selection = window.getSelection()
    const paragraph = selection?.focusNode?.parentElement?.closest('p')
    if (!selection?.focusNode || !paragraph) return -1
    const before = document.createRange()
    before.setStart(paragraph, 0)
    before.setEnd(selection.focusNode, selection.focusOffset)
    return before.toString().length
  })
}

/** Whether `box` (from getBoundingClientRect) is at least partly inside the window. */
function inView(box: { top: number; bottom: number }, height: number): boolean {
  return box.bottom > 0 && box.top < height
}

/** The caret in § 2's text, `offset` characters into its first paragraph, typed from the keyboard. */
async function caretInSection2(page: Page, offset: number): Promise<void> {
  await editorOf(page, section2).focus()
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight')
  await expect.poll(() => caretOffset(page)).toBe(offset)
}

/** Presses Tab until the focus is on "Beantwoorden" of `thread`; returns how many presses it took. */
async function tabsToReply(page: Page, thread: string, max: number): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    const now = await focused(page)
    if (now.testId === 'comment-reply' && now.threadId === thread) return presses
    await page.keyboard.press('Tab')
  }
  throw new Error(`"Beantwoorden" not reached within ${max} Tabs (focus on ${JSON.stringify(await focused(page))})`)
}

describe('Ctrl+Alt+Shift+A between the text and the comments', () => {
  it('goes from commented text to its card, to "Beantwoorden" in a few Tabs, and back with Escape', async () => {
    const { page, assertNoProblems } = await signatory()
    await openDocument(page, DE_PEEL)
    const highlight = page.locator(`[data-testid="comment-highlight"][data-thread-id="${threadId}"]`).first()
    await highlight.waitFor()

    // The highlight says what it is and how to get to the comment; "Sneltoetsen" lists the keys.
    expect(await highlight.evaluate((el) => el.tagName.toLowerCase())).toBe('mark')
    expect(await highlight.getAttribute('aria-description')).toBe(
      'Bij deze tekst staat een reactie. Met Ctrl+Alt+Shift+A gaat u naar de reactie.',
    )
    const listed = page.getByTestId('shortcuts').locator('[data-shortcut="commentsPanel"]')
    expect((await listed.textContent())?.startsWith('Ctrl+Alt+Shift+A gaat naar de reacties')).toBe(true)

    // The caret inside the commented words; the keys land on that comment's card.
    await caretInSection2(page, 6)
    await page.keyboard.press(SHORTCUT)
    await expect.poll(() => focused(page)).toMatchObject({ testId: 'comment-thread', threadId })
    const card = page.locator(`[data-testid="comment-thread"][data-thread-id="${threadId}"]`)
    expect(inView(await card.evaluate((el) => el.getBoundingClientRect().toJSON()), 900)).toBe(true)

    // "Beantwoorden" is a few Tabs away (past "Toon in de tekst" and the message), not 92.
    expect(await tabsToReply(page, threadId, 4)).toBeLessThanOrEqual(4)

    // Escape on "Beantwoorden" goes back into § 2's text, the caret where it was.
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toMatchObject({ textOf: section2, inPanel: false })
    expect(await caretOffset(page)).toBe(6)

    // The same keys go there and back as well.
    await page.keyboard.press(SHORTCUT)
    await expect.poll(() => focused(page)).toMatchObject({ testId: 'comment-thread', threadId })
    await page.keyboard.press(SHORTCUT)
    await expect.poll(() => focused(page)).toMatchObject({ textOf: section2 })
    expect(await caretOffset(page)).toBe(6)

    // Escape in a reply still closes the reply form first (and keeps the draft); the next Escape
    // goes back to the text.
    await page.keyboard.press(SHORTCUT)
    await expect.poll(() => focused(page)).toMatchObject({ testId: 'comment-thread', threadId })
    await tabsToReply(page, threadId, 4)
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toMatchObject({ testId: 'comment-body', threadId })
    await page.keyboard.type('Een concept')
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toMatchObject({ testId: 'comment-reply', threadId })
    await card.getByTestId('comment-draft-kept').waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toMatchObject({ textOf: section2 })
    expect(await caretOffset(page)).toBe(6)
    assertNoProblems()
  })

  it('goes to the panel’s heading from text without a comment, and Escape goes back', async () => {
    const { page, assertNoProblems } = await signatory()
    await openDocument(page, DE_PEEL)
    await page.locator(`[data-testid="comment-highlight"][data-thread-id="${threadId}"]`).first().waitFor()
    // Before the commented words.
    await caretInSection2(page, 1)
    await page.keyboard.press(SHORTCUT)
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', inPanel: true })
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Reacties \(\d+ open\)$/)
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toMatchObject({ textOf: section2 })
    expect(await caretOffset(page)).toBe(1)
    assertNoProblems()
  })

  it('brings the card into view on a phone, below the document, and the caret back into view', async () => {
    const { page, assertNoProblems } = await signatory()
    const height = 844
    await page.setViewportSize({ width: 390, height })
    await openDocument(page, DE_PEEL)
    await page.locator(`[data-testid="comment-highlight"][data-thread-id="${threadId}"]`).first().waitFor()
    await caretInSection2(page, COMMENTED.to)
    // The panel is below the whole document here.
    const panelTop = await page.getByTestId('comments-panel').evaluate((el) => el.getBoundingClientRect().top)
    expect(panelTop).toBeGreaterThan(height)

    // At the end of the commented words (where the caret is after placing a comment) counts as in them.
    await page.keyboard.press(SHORTCUT)
    await expect.poll(() => focused(page)).toMatchObject({ testId: 'comment-thread', threadId })
    const card = page.locator(`[data-testid="comment-thread"][data-thread-id="${threadId}"]`)
    await expect
      .poll(async () => inView(await card.evaluate((el) => el.getBoundingClientRect().toJSON()), height))
      .toBe(true)
    expect(await tabsToReply(page, threadId, 4)).toBeLessThanOrEqual(4)

    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toMatchObject({ textOf: section2 })
    expect(await caretOffset(page)).toBe(COMMENTED.to)
    const caret = () =>
      page.evaluate(() => {
        const selection = window.getSelection()
        return selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect().toJSON() : null
      })
    await expect
      .poll(async () => {
        const box = await caret()
        return box !== null && inView(box, height)
      })
      .toBe(true)
    assertNoProblems()
  })
})

describe('the skip link "Naar de reacties"', () => {
  it('follows "Naar de inhoud" and puts the focus on the comments panel’s heading', async () => {
    const { page, assertNoProblems } = await signatory()
    await openDocument(page, DE_PEEL)
    await page.getByTestId('comments-panel').waitFor()
    await page.locator('body').focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud')
    await page.keyboard.press('Tab')
    const link = page.getByTestId('skip-to-comments')
    expect(await focused(page)).toMatchObject({ testId: 'skip-to-comments' })
    expect(await link.textContent()).toBe('Naar de reacties')
    expect(await link.getAttribute('aria-keyshortcuts')).toBe(SHORTCUT)
    // Shown while it has the focus.
    const box = await link.boundingBox()
    expect(box !== null && box.y >= 0).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', inPanel: true })
    // The address does not change.
    expect(new URL(page.url()).hash).toBe('')
    assertNoProblems()
  })

  it('is not there on a page without a comments panel', async () => {
    const { page, assertNoProblems } = await signatory()
    await page.goto('/')
    await page.locator(`a[href="/document/${DE_PEEL}"]`).first().waitFor()
    expect(await page.getByTestId('skip-to-comments').count()).toBe(0)
    assertNoProblems()
  })
})
