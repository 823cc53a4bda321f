// What a person does in a section, drawn at random from a seed: typing words (accents and a curly
// apostrophe among them), Enter, Backspace and Delete, moving with the arrows, Home and End, selecting and
// typing over, Ctrl+Z and Ctrl+Shift+Z, bold, a list or a heading from the toolbar, a table and its rows
// and columns, Tab, selecting all and typing over it, and pasting formatted text with a list. The same
// seed gives the same steps; how they interleave with the other person's depends on timing.
import type { Page } from 'playwright-core'
import { editorOf, sectionLocator } from '../../helpers/browser.ts'

const WORDS = ['peil', 'Peelvenen', 'stikstof', 'één', 'natuur', 'water', 'café', 'zon', 'wind', '’s', 'A67', 'bodem']

const PASTED_HTML = '<p>Geplakt <b>vet</b> en <i>schuin</i></p><ul><li>een</li><li>twee</li></ul><p>slot</p>'

/** Pastes formatted text where the focus is, as a paste from another program arrives. */
async function paste(page: Page): Promise<string> {
  await page.evaluate((html) => {
    const data = new DataTransfer()
    data.setData('text/html', html)
    data.setData('text/plain', 'Geplakt vet en schuin\neen\ntwee\nslot')
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, PASTED_HTML)
  return 'paste'
}

/** One step in the section's editor; returns what it did, for the failure message. */
export async function randomEdit(page: Page, sectionId: string, random: () => number): Promise<string> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const times = (most: number): number => 1 + Math.floor(random() * most)
  const keys = page.keyboard
  const editor = editorOf(page, sectionId)
  const inEditor = await editor.evaluate((element) => element.contains(document.activeElement))
  if (!inEditor) await editor.click()
  const buttonId = pick([
    'format-bulletList',
    'format-orderedList',
    'format-heading2',
    'table-insert',
    'table-rowAfter',
  ])
  const toolbarButton = sectionLocator(page, sectionId).getByTestId(buttonId)
  const steps: readonly (readonly [number, () => Promise<string>])[] = [
    [30, async () => `type "${await typed(page, `${pick(WORDS)} `)}"`],
    [8, () => pressed(page, 'Enter')],
    [8, async () => `Backspace ×${await pressTimes(page, 'Backspace', times(4))}`],
    [3, () => pressed(page, 'Delete')],
    [
      6,
      async () => {
        const key = pick([
          'ArrowUp',
          'ArrowDown',
          'ArrowLeft',
          'ArrowRight',
          'Home',
          'End',
          'Control+Home',
          'Control+End',
        ])
        return `${key} ×${await pressTimes(page, key, times(3))}`
      },
    ],
    [
      6,
      async () => {
        const n = await pressTimes(page, 'Shift+ArrowLeft', times(6))
        return `select ${n} left, type "${await typed(page, pick(WORDS))}"`
      },
    ],
    [6, () => pressed(page, 'Control+z')],
    [3, () => pressed(page, 'Control+Shift+z')],
    [
      4,
      async () => {
        await keys.press('Control+b')
        const word = await typed(page, pick(WORDS))
        await keys.press('Control+b')
        return `bold "${word}"`
      },
    ],
    [
      8,
      async () => {
        // Only there while the caret is in the right place, which the other person's change may move:
        // a button that is not there (soon) is not pressed. One unavailable does nothing when pressed.
        try {
          await toolbarButton.click({ timeout: 1_000 })
          return buttonId
        } catch {
          return `${buttonId} (not offered)`
        }
      },
    ],
    [4, async () => `${await pressed(page, 'Tab')}, type "${await typed(page, pick(WORDS))}"`],
    [2, async () => `${await pressed(page, 'Control+a')}, type "${await typed(page, pick(WORDS))}"`],
    [3, () => paste(page)],
  ]
  const total = steps.reduce((sum, [weight]) => sum + weight, 0)
  let draw = random() * total
  for (const [weight, step] of steps) {
    draw -= weight
    if (draw < 0) return step()
  }
  return 'nothing'
}

async function pressed(page: Page, key: string): Promise<string> {
  await page.keyboard.press(key)
  return key
}

async function typed(page: Page, text: string): Promise<string> {
  await page.keyboard.type(text)
  return text
}

async function pressTimes(page: Page, key: string, n: number): Promise<number> {
  for (let i = 0; i < n; i++) await page.keyboard.press(key)
  return n
}
