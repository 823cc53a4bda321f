// "Wat is er gewijzigd?" when the target changed only by a section link added inside it: the dialog said
// "Er is geen verschil in de tekst gevonden" while the link was marked "gewijzigd sinds koppeling". Now it
// shows the added link, named as in a version comparison: "[koppeling: § 2 …]" (docs/links.md).
import { getSection, orderedSections, type SectionId } from '@novex/shared'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  DEMO_USERS,
  editorOf,
  launchBrowser,
  newUserContext,
  openDocument,
  type UserContext,
} from '../helpers/browser.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { appendLink, DE_PEEL, VOORSTEL_NB } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let browser: Browser
let rijk: UserContext
let perspective: TestClient
let voorstel: TestClient
let source: SectionId
let target: SectionId
let inner: { id: SectionId; number: string; title: string }

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  perspective = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.rijkAuteur) })
  voorstel = connectClient(server, VOORSTEL_NB, { cookie: await login(server, DEMO.provincieAuteur) })
  await Promise.all([perspective.synced(), voorstel.synced()])
  source = (orderedSections(perspective.doc)[0] as { id: SectionId }).id
  const sections = orderedSections(voorstel.doc)
  target = (sections[3] as { id: SectionId }).id
  const second = sections[1]
  if (!second) throw new Error('no voorstel § 2')
  inner = { id: second.id, number: second.number, title: second.title.toString() }
  const content = getSection(perspective.doc, source)?.content
  if (!content) throw new Error('no source section')
  appendLink(content, 'Zie ', VOORSTEL_NB, target)
  await perspective.saved()
  rijk = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
})

afterAll(async () => {
  perspective?.destroy()
  voorstel?.destroy()
  await rijk?.close()
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

it('shows a link added inside the target in "Wat is er gewijzigd?"', { timeout: 60_000 }, async () => {
  const page = rijk.page
  await openDocument(page, DE_PEEL)
  const link = editorOf(page, source).locator(`[data-testid="section-link"][data-target-section-id="${target}"]`)
  await waitFor(async () => (await link.getAttribute('data-state')) === 'valid', { message: 'the link valid' })

  const paragraph = getSection(voorstel.doc, target)?.content.get(0) as Y.XmlElement
  const added = new Y.XmlElement('sectionLink')
  added.setAttribute('documentId', VOORSTEL_NB)
  added.setAttribute('sectionId', inner.id)
  paragraph.insert(paragraph.length, [added])
  await voorstel.saved()
  await waitFor(async () => (await link.getAttribute('data-state')) === 'suspect', {
    timeout: 15_000,
    message: 'the link suspect after a link was added to the target',
  })

  await link.getByTestId('link-changes-open').click()
  const dialog = page.getByTestId('link-changes')
  await dialog.getByTestId('link-changes-text').waitFor()
  expect(await dialog.locator('ins').getByTestId('link-changes-link').allTextContents()).toEqual([
    `[koppeling: § ${inner.number} ${inner.title}]`,
  ])
  expect(await dialog.textContent()).not.toContain('geen verschil')
})
