// A comment, reply or edit being written is never lost without a word. It is kept as a draft in the
// browser on every change: Escape closes the form and keeps it ("Concept bewaard"; opening the form on
// the same text brings it back), another page of the app and back finds the form as it was, and only
// sending it or "Annuleren" ends it. Leaving the site or closing the tab with unsent text still asks
// first (the browser's own "leave this page?" dialog), and once the form is empty it does not ask.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_USERS, editorOf, newUserContext, openDocument, perspectiveIdOf, sectionIds } from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const parts = useServerAndBrowser()

/** Selects the last line of a section's first paragraph and opens "Reactie plaatsen" (Ctrl+Alt+M). */
async function openCommentForm(page: Page, sectionId: string): Promise<void> {
  const editor = editorOf(page, sectionId)
  await editor.focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('End')
  await page.keyboard.press('Shift+Home')
  await page.keyboard.press('Control+Alt+M')
  await page.getByTestId('comment-form').getByTestId('comment-body').waitFor()
}

/** Marks the page's window: still marked afterwards means the app moved without loading a new page. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.dataset.sameWindow = 'yes'
  })
}

async function sameWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.dataset.sameWindow === 'yes')
}

/** The drafts this browser keeps (localStorage), by their key. */
async function keptDrafts(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('novex:comment-draft:')))
}

const focusedInEditor = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains('ProseMirror') ?? false)

describe('a comment being written', () => {
  it('makes leaving the page ask first, and only while there is text', async () => {
    const user = await newUserContext(parts.browser(), parts.server().httpUrl, { email: DEMO_USERS.provincieAuteur })
    const { page } = user
    await openDocument(page, await perspectiveIdOf(page, 'de-peel'))
    const sectionId = (await sectionIds(page))[1] as string
    await editorOf(page, sectionId).click()
    await page.keyboard.press('End')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.press('Control+Alt+M')
    const field = page.getByTestId('comment-body')
    await field.waitFor()
    await field.pressSequentially('Nog niet geplaatst')

    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type())
      void dialog.dismiss()
    })
    await page.close({ runBeforeUnload: true })
    await waitFor(() => dialogs.length > 0, { message: 'the leave dialog' })
    expect(dialogs).toEqual(['beforeunload'])
    expect(page.isClosed()).toBe(false)
    expect(await field.inputValue()).toBe('Nog niet geplaatst')

    await field.fill('')
    await page.close({ runBeforeUnload: true })
    await waitFor(() => page.isClosed(), { message: 'the page to close without asking' })
    expect(dialogs).toEqual(['beforeunload'])
    await user.close()
  })

  it('is kept by Escape and comes back on the same text; "Annuleren" throws it away', async () => {
    const user = await newUserContext(parts.browser(), parts.server().httpUrl, { email: DEMO_USERS.rijkAuteur })
    const { page } = user
    await openDocument(page, await perspectiveIdOf(page, 'de-peel'))
    const sectionId = (await sectionIds(page))[2] as string
    const text = 'Een lange reactie die ik niet kwijt wil raken.'

    await openCommentForm(page, sectionId)
    const form = page.getByTestId('comment-form')
    await form.getByTestId('comment-body').pressSequentially(text)
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'detached' })
    await expect.poll(() => focusedInEditor(page)).toBe(true)

    // The same text selected again: the form opens with what was typed, and says it was kept.
    await openCommentForm(page, sectionId)
    expect(await form.getByTestId('comment-body').inputValue()).toBe(text)
    expect(await form.getByTestId('comment-draft-restored').textContent()).toContain('Concept bewaard')

    // Put aside, it waits under the section's text, and a screen reader hears where.
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'detached' })
    const kept = page.getByTestId('comment-drafts')
    await kept.getByTestId('comment-draft-continue').waitFor()
    expect(await kept.textContent()).toContain('Concept-reactie bij de tekst:')
    await expect
      .poll(() =>
        page.locator(`[data-section-id="${sectionId}"] .section-comments > [role="status"]`).first().textContent(),
      )
      .toContain('Concept bewaard')

    // "Verder schrijven" opens it just as well, with the focus in the field.
    await kept.getByTestId('comment-draft-continue').click()
    await expect.poll(() => form.getByTestId('comment-body').inputValue()).toBe(text)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('comment-body')
    expect(await kept.count()).toBe(0)

    // "Annuleren" is the choice to throw it away: the next form on that text is empty.
    await form.getByRole('button', { name: 'Annuleren' }).click()
    await form.waitFor({ state: 'detached' })
    expect(await kept.count()).toBe(0)
    await openCommentForm(page, sectionId)
    expect(await form.getByTestId('comment-body').inputValue()).toBe('')
    expect(await keptDrafts(page)).toEqual([])
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'detached' })
    user.assertNoProblems()
    await user.close()
  })

  it('survives going to another page of the app and back, and is gone once sent', async () => {
    const user = await newUserContext(parts.browser(), parts.server().httpUrl, { email: DEMO_USERS.rijkAuteur })
    const { page } = user
    await openDocument(page, await perspectiveIdOf(page, 'de-peel'))
    const sectionId = (await sectionIds(page))[3] as string
    const panel = page.getByTestId('comments-panel')

    // A new comment, left open for "Gereed voor BO-MIRT?".
    await openCommentForm(page, sectionId)
    const form = page.getByTestId('comment-form')
    const comment = 'Graag de bron van deze getallen noemen.'
    await form.getByTestId('comment-body').pressSequentially(comment)
    await markWindow(page)
    await page.getByTestId('readiness-link').click()
    await page.waitForURL(/\/gereed$/)
    await page.goBack()
    await form.getByTestId('comment-body').waitFor()
    expect(await sameWindow(page)).toBe(true)
    expect(await form.getByTestId('comment-body').inputValue()).toBe(comment)
    await form.getByTestId('comment-submit').click()
    await form.waitFor({ state: 'detached' })
    const card = panel.getByTestId('comment-thread').filter({ hasText: comment })
    await card.waitFor()
    expect(await keptDrafts(page)).toEqual([])

    // A reply, left open for "Versiegeschiedenis", and back by the link in the trail.
    await card.getByTestId('comment-reply').click()
    const reply = 'Die staan in bijlage 2, dat voeg ik toe.'
    await card.getByTestId('comment-body').pressSequentially(reply)
    await page.getByTestId('versions-link').click()
    await page.waitForURL(/\/versies$/)
    await page.locator('nav.breadcrumb a').last().click()
    await card.getByTestId('comment-body').waitFor()
    expect(await sameWindow(page)).toBe(true)
    expect(await card.getByTestId('comment-body').inputValue()).toBe(reply)
    expect(await card.getByTestId('comment-draft-restored').textContent()).toContain('Concept bewaard')

    // Sent: the message is there, the form is gone, and so is the draft, also after a reload.
    await card.getByTestId('comment-body').focus()
    await page.keyboard.press('Control+Enter')
    await card.getByTestId('comment-message').filter({ hasText: reply }).waitFor()
    await card.getByTestId('comment-body').waitFor({ state: 'detached' })
    expect(await keptDrafts(page)).toEqual([])
    await page.reload()
    await card.getByTestId('comment-reply').click()
    expect(await card.getByTestId('comment-body').inputValue()).toBe('')
    expect(await card.getByTestId('comment-draft-kept').count()).toBe(0)
    await card.getByRole('button', { name: 'Annuleren' }).click()

    // An edit put aside with Escape waits beside "Bewerken".
    const mine = card.getByTestId('comment-message').filter({ hasText: reply })
    await mine.getByTestId('comment-edit').click()
    await mine.getByTestId('comment-body').fill(`${reply} En in bijlage 3.`)
    await page.keyboard.press('Escape')
    await mine.getByTestId('comment-body').waitFor({ state: 'detached' })
    await expect.poll(() => mine.getByTestId('comment-draft-kept').textContent()).toBe('Concept bewaard')
    expect(await mine.getByTestId('comment-edit').getAttribute('aria-describedby')).toBe(
      await mine.getByTestId('comment-draft-kept').getAttribute('id'),
    )
    // "Documenten" in the header.
    await page.locator('a.app-header__link[href="/"]').click()
    await page.waitForURL((url) => url.pathname === '/')
    await page.goBack()
    await mine.getByTestId('comment-edit').click()
    expect(await mine.getByTestId('comment-body').inputValue()).toBe(`${reply} En in bijlage 3.`)
    await mine.getByRole('button', { name: 'Annuleren' }).click()
    await mine.getByTestId('comment-body').waitFor({ state: 'detached' })
    expect(await mine.getByTestId('comment-draft-kept').count()).toBe(0)
    expect(await keptDrafts(page)).toEqual([])
    user.assertNoProblems()
    await user.close()
  })
})
