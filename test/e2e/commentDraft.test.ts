// A comment being written exists only in its form: closing or leaving the page while one is there asks
// first (the browser's own "leave this page?" dialog), and once the form is empty it does not ask.
import { describe, expect, it } from 'vitest'
import { DEMO_USERS, editorOf, newUserContext, openDocument, perspectiveIdOf, sectionIds } from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const parts = useServerAndBrowser()

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
})
