// Printing the document page (Ctrl+P; here Chromium's own print to PDF, which uses the print styles):
// the paper shows the document alone (title, senders, every section's number and full title, the
// text) and none of the application: no product bar, buttons, status lines, panels, table of contents,
// or another person's caret with their name.
import { orderedSections } from '@novex/shared'
import { expect, it } from 'vitest'
import { readPdf } from '../../server/src/export/testing/readBack.ts'
import {
  caretToEnd,
  closeWithoutProblems,
  DEMO_USERS,
  editorOf,
  fetchJson,
  newUserContext,
  openDocument,
  sectionIds,
  titleInputOf,
} from '../helpers/browser.ts'
import { connectClient } from '../helpers/client.ts'
import { DEMO, login } from '../helpers/session.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
const running = useServerAndBrowser()

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim()

it('prints the document alone, with every section’s full title, and none of the application around it', async () => {
  // The sections as the server has them: numbers, full titles and the first words of the text.
  const client = connectClient(running.server(), DE_PEEL, { cookie: await login(running.server(), DEMO.rijkAuteur) })
  await client.synced()
  const sections: { heading: string }[] = orderedSections(client.doc).map((s) => ({
    heading: `${s.number} ${s.title.toString()}`,
  }))
  client.destroy()
  expect(sections.some((s) => s.heading.length > 60)).toBe(true)

  const reader = await newUserContext(running.browser(), running.server().httpUrl)
  const other = await newUserContext(running.browser(), running.server().httpUrl, { email: DEMO_USERS.provincieAuteur })
  await openDocument(reader.page, DE_PEEL)
  await openDocument(other.page, DE_PEEL)
  const otherName = ((await fetchJson(other.page, 'GET', '/api/session')).body as { user: { name: string } }).user.name
  // The other person's caret, with their name, sits in the first section's text.
  const first = (await sectionIds(other.page))[0] ?? ''
  await editorOf(other.page, first).focus()
  await caretToEnd(other.page, first)
  await expect.poll(() => reader.page.locator('.collaboration-carets__caret').count()).toBeGreaterThan(0)
  const firstText = flat((await editorOf(reader.page, first).textContent()) ?? '').slice(0, 80)
  // A title renamed by someone else just before printing: the paper has the new one.
  const renamed = ' (herzien na het tweede ijkmoment)'
  await titleInputOf(other.page, first).press('End')
  await titleInputOf(other.page, first).pressSequentially(renamed)
  await expect.poll(() => titleInputOf(reader.page, first).inputValue()).toContain(renamed)
  sections[0] = { heading: `${sections[0]?.heading ?? ''}${renamed}` }

  const paper = flat((await readPdf(await reader.page.pdf({ format: 'A4' }))).text)
  expect(paper).toContain('Ontwikkelperspectief De Peel')
  expect(paper).toContain('Ministerie van LVVN')
  expect(paper).toContain('Provincie Noord-Brabant')
  for (const { heading } of sections) expect(paper).toContain(flat(heading))
  expect(paper).toContain(firstText)
  for (const application of [
    'Uitloggen',
    'Dossier exporteren',
    'Versiegeschiedenis',
    'Opgeslagen',
    'Koppelen aan ruimtelijk voorstel',
    'Verplicht onderdeel',
    'Inhoud (',
    'verplichte onderdelen zijn aanwezig',
    otherName,
  ])
    expect(paper, application).not.toContain(application)
  await closeWithoutProblems(reader, other)
}, 120_000)
