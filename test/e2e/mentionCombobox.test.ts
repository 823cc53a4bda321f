// The @-mention field is a combobox by the WAI-ARIA 1.2 pattern, so a screen reader says which person
// is highlighted: the text field has role="combobox" with its label as name, aria-expanded tells
// whether the list is open, aria-autocomplete="list", and aria-controls and aria-activedescendant
// point into the listbox and its options while it is open. The keys work as before: arrows choose,
// Enter inserts, Escape closes the list first and the form only then.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { DEMO_USERS, newUserContext, openDocument, perspectiveIdOf } from '../helpers/browser.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const parts = useServerAndBrowser()

interface FieldState {
  readonly role: string | null
  readonly expanded: string | null
  readonly autocomplete: string | null
  readonly controls: string | null
  /** The role of the element aria-controls names, null when there is none. */
  readonly controlled: string | null
  /** The text of the option aria-activedescendant names, and whether it is marked selected. */
  readonly active: { readonly text: string; readonly selected: string | null } | null
}

async function fieldState(page: Page): Promise<FieldState> {
  return page.getByTestId('comment-body').evaluate((field) => {
    const controls = field.getAttribute('aria-controls')
    const activeId = field.getAttribute('aria-activedescendant')
    const option = activeId ? document.getElementById(activeId) : null
    return {
      role: field.getAttribute('role'),
      expanded: field.getAttribute('aria-expanded'),
      autocomplete: field.getAttribute('aria-autocomplete'),
      controls,
      controlled: controls ? (document.getElementById(controls)?.getAttribute('role') ?? null) : null,
      active: option ? { text: option.textContent ?? '', selected: option.getAttribute('aria-selected') } : null,
    }
  })
}

it('is a combobox that points at the highlighted person', async () => {
  const user = await newUserContext(parts.browser(), parts.server().httpUrl, { email: DEMO_USERS.rijkAuteur })
  const { page } = user
  await openDocument(page, await perspectiveIdOf(page, 'de-peel'))
  const editor = page.locator('[data-testid="section"] .ProseMirror').nth(1)
  await editor.focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Control+Shift+ArrowRight')
  await page.keyboard.press('Control+Alt+M')
  const field = page.getByRole('combobox', { name: 'Uw reactie' })
  await field.waitFor()
  expect(await fieldState(page)).toEqual({
    role: 'combobox',
    expanded: 'false',
    autocomplete: 'list',
    controls: null,
    controlled: null,
    active: null,
  })

  await page.keyboard.type('Vraag voor @')
  const listbox = page.getByRole('listbox', { name: 'Personen om te noemen' })
  await listbox.waitFor()
  const options = listbox.getByRole('option')
  const first = await fieldState(page)
  expect(first).toMatchObject({ expanded: 'true', controlled: 'listbox' })
  expect(first.controls).toBe(await listbox.getAttribute('id'))
  expect(first.active).toEqual({ text: (await options.first().textContent()) ?? '', selected: 'true' })

  // Down: the next person is the active descendant, and the only one selected.
  await page.keyboard.press('ArrowDown')
  const second = (await options.nth(1).textContent()) ?? ''
  await expect.poll(async () => (await fieldState(page)).active).toEqual({ text: second, selected: 'true' })
  expect(await options.first().getAttribute('aria-selected')).toBe('false')

  // Enter inserts the name; the list closes and says so.
  await page.keyboard.press('Enter')
  await listbox.waitFor({ state: 'detached' })
  await expect.poll(() => field.inputValue()).toBe(`Vraag voor @${second.replace(/ \(.*\)$/, '')} `)
  expect(await fieldState(page)).toMatchObject({ expanded: 'false', controls: null, active: null })

  // Escape closes an open list first (the text stays in the field), then the form.
  await page.keyboard.type('en @')
  await listbox.waitFor()
  await page.keyboard.press('Escape')
  await listbox.waitFor({ state: 'detached' })
  expect((await fieldState(page)).expanded).toBe('false')
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment-body')

  // A name chosen at the start of the text: the caret goes right behind it, so what is typed straight
  // after lands there and not at the end.
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('@')
  await listbox.waitFor()
  const firstName = ((await options.first().textContent()) ?? '').replace(/ \(.*\)$/, '')
  await page.keyboard.press('Enter')
  await page.keyboard.type('graag, ')
  expect(await field.inputValue()).toBe(`@${firstName} graag, Vraag voor @${second.replace(/ \(.*\)$/, '')} en @`)
  await page.keyboard.press('Escape')
  await page.getByTestId('comment-form').waitFor({ state: 'detached' })
  user.assertNoProblems()
  await user.close()
})
