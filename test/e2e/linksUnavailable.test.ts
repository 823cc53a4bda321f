// A linked voorstel the server cannot open (a corrupt stored row: quarantined) while the perspective is
// fine. Before, the perspective's links panel failed to load altogether ("De koppelingen konden niet
// worden geladen") and the wisselwerking page showed an error. Now the link keeps the title it last had
// and says "tijdelijk niet beschikbaar", the backlink from the voorstel keeps its sentence and says the
// same, and the wisselwerking shows the voorstel as one column whose cells carry that state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  closeWithoutProblems,
  launchBrowser,
  newUserContext,
  openDocument,
  sectionLocator,
  type UserContext,
} from '../helpers/browser.ts'
import { DE_PEEL, VOORSTEL_NB } from '../helpers/documents.ts'
import { type LinkedPair, linkPerspectiveAndVoorstel } from '../helpers/linkedPair.ts'
import { addCorruptRow } from '../helpers/quarantine.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let user: UserContext
let closeBrowser: () => Promise<void> = async () => {}
let pair: LinkedPair

beforeAll(async () => {
  server = await startServer()
  pair = await linkPerspectiveAndVoorstel(server)
  // The voorstel gets a corrupt row; the server quarantines it when it starts again.
  await server.stop()
  addCorruptRow(server.dataDir, VOORSTEL_NB)
  server = await startServer({ dataDir: server.dataDir })
  const browser = await launchBrowser()
  closeBrowser = () => browser.close()
  user = await newUserContext(browser, server.httpUrl, { email: DEMO.rijkAuteur })
}, 90_000)

afterAll(async () => {
  await closeWithoutProblems(user)
  await closeBrowser()
  await server.stop()
  server.cleanup()
})

describe('a linked voorstel the server cannot open', { timeout: 60_000 }, () => {
  it('keeps the link with its last title, marked "tijdelijk niet beschikbaar", and the backlink with its sentence', async () => {
    const { page } = user
    await openDocument(page, DE_PEEL)
    const link = sectionLocator(page, pair.perspectiveSource).getByTestId('section-link')
    await waitFor(async () => (await link.getAttribute('data-state')) === 'unavailable', {
      message: 'the link marked unavailable',
    })
    const text = await link.textContent()
    expect(text).toContain(pair.voorstelTargetTitle)
    expect(text).toContain('Ruimtelijk voorstel Noord-Brabant')
    expect(text).toContain('tijdelijk niet beschikbaar')
    // Not a failure of the whole panel.
    expect(await page.getByText('De koppelingen konden niet worden geladen.').count()).toBe(0)

    const backlinks = sectionLocator(page, pair.perspectiveTarget).getByTestId('backlinks')
    await backlinks.locator('summary').click()
    const backlink = backlinks.getByTestId('backlink').filter({ hasText: 'Noord-Brabant' })
    expect(await backlink.textContent()).toContain('tijdelijk niet beschikbaar')
    expect(await backlink.textContent()).toContain('Dit sluit aan bij')
  })

  it('shows the voorstel in the wisselwerking as one column with the state of its links', async () => {
    const { page } = user
    await page.goto('/gebied/de-peel/wisselwerking')
    const matrix = page.getByTestId('wisselwerking')
    await matrix.waitFor()
    const column = matrix.locator('th[data-unavailable="true"]')
    expect(await column.textContent()).toBe('(tijdelijk niet beschikbaar)')
    const row = matrix.locator(`tr[data-section-id="${pair.perspectiveSource}"]`)
    const cell = row.locator('td[data-state="unavailable"]')
    expect(await cell.textContent()).toContain('tijdelijk niet beschikbaar')
    // The voorstel's link into the perspective is there too, with the perspective's state for it.
    const linkedRow = matrix.locator(`tr[data-section-id="${pair.perspectiveTarget}"]`)
    expect(await linkedRow.locator('td[data-state="valid"]').count()).toBe(1)
    // Nothing is listed as a link to a section that no longer exists.
    expect(await page.getByTestId('wisselwerking-detached').count()).toBe(0)
  })
})
