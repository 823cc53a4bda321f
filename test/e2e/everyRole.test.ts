// Every demo role opens the perspective and the voorstel it is a member of, and following the document
// is all it does: nothing may be refused, closed or logged as an error, and the page says "Opgeslagen".
// (Until 2026-11-30 every reader's page was told on opening that the server had refused a change: its
// ordinary sync answer, which changes nothing, was refused because it came from a reader.)
import { expect, it } from 'vitest'
import {
  DEMO_USERS,
  newUserContext,
  openDocument,
  SaveStatus,
  saveStatusText,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { DE_PEEL, VOORSTEL_NB } from '../helpers/documents.ts'
import { useServerAndBrowser } from './support/serverAndBrowser.ts'

const parts = useServerAndBrowser()

it.each(Object.entries(DEMO_USERS))('opens both documents as %s without a refusal or an error', async (_, email) => {
  const user = await newUserContext(parts.browser(), parts.server().httpUrl, { email })
  for (const documentId of [DE_PEEL, VOORSTEL_NB]) {
    await openDocument(user.page, documentId)
    await waitForSaveStatus(user.page, SaveStatus.saved)
    // Long enough for the sync answer and its verdict to come back.
    await user.page.waitForTimeout(1_000)
    expect(await user.page.getByTestId('refusal').count(), `refusal on ${documentId}`).toBe(0)
    expect(await user.page.getByTestId('connection-closed').count(), `closed on ${documentId}`).toBe(0)
    expect(await saveStatusText(user.page)).toBe(SaveStatus.saved)
  }
  user.assertNoProblems()
  await user.close()
})
