// Sign-off in the browser: a Rijk and a province signatory sign the same section through the sign-off
// panel, in two browsers; the section locks live in a third (an author), where typing does nothing —
// neither on the screen nor on the server. Then the BO-MIRT readiness view, the dossier download, and
// reopening by both parties through the reopen dialog.
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  editorOf,
  editorText,
  fetchJson,
  launchBrowser,
  newUserContext,
  openDocument,
  sectionIds,
  sectionLocator,
  titleInputOf,
  typeAtEnd,
  type UserContext,
  waitForSaveStatus,
} from '../helpers/browser.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/waitFor.ts'

const DE_PEEL = 'ontwikkelperspectief-de-peel'
/** Three browsers on a shared 2-core machine: the longest tests get more than the project's 90 s. */
const LONG_TEST_MS = 180_000
let server: RunningServer
let browser: Browser
let rijkSigner: UserContext
let provincieSigner: UserContext
let author: UserContext
/** The section both sign (the first: De hoofdopgave). */
let signedId = ''
/** Its text when it locked. */
let lockedText = ''

interface SignoffsAnswer {
  readonly sections: readonly { readonly sectionId: string; readonly hash: string; readonly verified: boolean }[]
}

async function userName(page: Page): Promise<string> {
  const answer = await fetchJson(page, 'GET', '/api/session')
  return (answer.body as { user: { name: string } }).user.name
}

async function signoffs(page: Page): Promise<SignoffsAnswer> {
  const answer = await fetchJson(page, 'GET', `/api/documents/${DE_PEEL}/signoffs`)
  expect(answer.status).toBe(200)
  return answer.body as SignoffsAnswer
}

async function openPanel(page: Page): Promise<void> {
  await page.getByTestId('open-signoff').click()
  await page.getByTestId('signoff-panel').waitFor()
}

/** expect.poll with the suite's patience (vitest's default is one second; these pages share 2 cores). */
function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 30_000 })
}

function signButton(page: Page, sectionId: string) {
  return page.locator(`[data-testid="sign-section"][data-section-id="${sectionId}"]`)
}

/** The confirmation a signature asks for. */
function signDialog(page: Page) {
  return page.getByTestId('sign-dialog')
}

/** Presses "Ondertekenen" in the section's item and confirms in the dialog it opens. */
async function signAndConfirm(page: Page, sectionId: string): Promise<void> {
  await signButton(page, sectionId).click()
  await signDialog(page).getByTestId('sign-confirm').click()
}

function statusOf(page: Page, sectionId: string) {
  return sectionLocator(page, sectionId).getByTestId('signoff-status')
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  rijkSigner = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkOndertekenaar })
  provincieSigner = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.provincieOndertekenaar })
  author = await newUserContext(browser, server.httpUrl, { email: DEMO_USERS.rijkAuteur })
  // Three browsers on a shared 2-core machine: more patience than the helpers' 15 s.
  for (const user of [rijkSigner, provincieSigner, author]) user.context.setDefaultTimeout(30_000)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  server?.cleanup()
})

describe('signing a section', () => {
  it(
    'locks a section signed by both parties through the panel, live for an author who can no longer change it',
    async () => {
      const [rijkName, provincieName] = [await userName(rijkSigner.page), await userName(provincieSigner.page)]
      for (const page of [rijkSigner.page, provincieSigner.page, author.page]) {
        await openDocument(page, DE_PEEL)
        await waitForSaveStatus(page, 'Opgeslagen', 30_000)
      }
      signedId = (await sectionIds(author.page))[0]!
      lockedText = await editorText(author.page, signedId)
      expect(await sectionLocator(author.page, signedId).getAttribute('data-locked')).toBe('false')

      // The Rijk signs first: the section waits for the province, for everyone.
      await openPanel(rijkSigner.page)
      // Before signing, the panel says where reactions are still open: the demo's friction point, in
      // section 3 ("ruimtelijke keuzes"), and nowhere else.
      const ids = await sectionIds(rijkSigner.page)
      const openNotes = rijkSigner.page.getByTestId('signoff-open-threads')
      await poll(() => openNotes.count()).toBe(1)
      expect(
        await rijkSigner.page
          .locator(`[data-testid="signoff-item"][data-section-id="${ids[2]}"]`)
          .getByTestId('signoff-open-threads')
          .textContent(),
      ).toBe('Er staat nog 1 reactie open op dit onderdeel. Lees die voordat u ondertekent. Tonen')
      // "Tonen" shows it: its card in the comments panel takes the focus.
      await rijkSigner.page
        .locator(`[data-testid="signoff-item"][data-section-id="${ids[2]}"]`)
        .getByTestId('signoff-show-open')
        .click()
      await poll(() =>
        rijkSigner.page.evaluate(() => {
          const active = document.activeElement
          return active?.getAttribute('data-testid') === 'comment-thread' && /Schuurpunt/.test(active.textContent ?? '')
        }),
      ).toBe(true)
      // "Ondertekenen" asks first, and says what the signature covers and what happens next; the focus
      // starts on the dialog's title, so a second Enter signs nothing. Escape cancels: nothing signed.
      await signButton(rijkSigner.page, signedId).click()
      const dialog = signDialog(rijkSigner.page)
      await dialog.waitFor()
      const hash = (await signoffs(rijkSigner.page)).sections.find((s) => s.sectionId === signedId)?.hash ?? ''
      expect(await dialog.getByTestId('sign-what').textContent()).toBe(
        `U ondertekent deze sectie namens het Rijk, met de tekst zoals die nu is (controlegetal van de tekst ${hash.slice(7, 15)}).`,
      )
      expect(await dialog.getByTestId('sign-next').textContent()).toBe(
        'Daarna wacht de sectie op een ondertekenaar van de provincie. Als de tekst intussen verandert, vervalt uw handtekening.',
      )
      expect(await dialog.getByTestId('sign-open-threads').count()).toBe(0)
      expect(await rijkSigner.page.evaluate(() => document.activeElement?.tagName)).toBe('H2')
      await rijkSigner.page.keyboard.press('Enter')
      await rijkSigner.page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached' })
      await poll(() => rijkSigner.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'sign-section',
      )
      expect(
        await rijkSigner.page
          .locator(`[data-testid="signoff-item"][data-section-id="${signedId}"]`)
          .getAttribute('data-state'),
      ).toBe('open')
      expect(await rijkSigner.page.getByTestId('signoff-panel').count()).toBe(1)
      // Asked for the section with the open reaction, the dialog says so (it does not stop the signature).
      await signButton(rijkSigner.page, ids[2]!).click()
      expect(await dialog.getByTestId('sign-open-threads').textContent()).toBe(
        'Er staat nog 1 reactie open op dit onderdeel. Die houdt de ondertekening niet tegen, maar lees haar eerst.',
      )
      await dialog.getByRole('button', { name: 'Annuleren' }).click()
      await dialog.waitFor({ state: 'detached' })

      await signAndConfirm(rijkSigner.page, signedId)
      await poll(() => statusOf(author.page, signedId).textContent()).toContain(
        `Ondertekend door ${rijkName} (Ministerie van LVVN) — wacht op ondertekening door de provincie`,
      )
      await poll(() => signButton(rijkSigner.page, signedId).count()).toBe(0)
      // The button that had the focus is gone; the focus stays in the section's item.
      await poll(() =>
        rijkSigner.page.evaluate(
          () =>
            document.activeElement?.closest('[data-testid="signoff-item"]')?.getAttribute('data-section-id') ?? null,
        ),
      ).toBe(signedId)
      // Still editable in between.
      expect(await editorOf(author.page, signedId).getAttribute('aria-readonly')).toBeNull()

      // The province signs the same text: locked.
      await openPanel(provincieSigner.page)
      await signButton(provincieSigner.page, signedId).click()
      // The second signature locks: the dialog says so before it is given.
      await poll(() => signDialog(provincieSigner.page).getByTestId('sign-next').textContent()).toBe(
        `${rijkName} (Ministerie van LVVN) heeft dezelfde tekst al ondertekend namens het Rijk. Na uw handtekening is de sectie vergrendeld: niemand kan de tekst dan nog wijzigen, tot een ondertekenaar van het Rijk en een van de provincie samen heropenen.`,
      )
      await signDialog(provincieSigner.page).getByRole('button', { name: 'Ondertekenen namens de provincie' }).click()
      await poll(() => sectionLocator(author.page, signedId).getAttribute('data-locked')).toBe('true')
      // The Rijk signatory's panel no longer says the section waits for the other side.
      await poll(() => rijkSigner.page.getByTestId('signoff-message').textContent()).toMatch(
        /is door beide partijen ondertekend en nu vergrendeld\.$/,
      )
      const status = (await statusOf(author.page, signedId).textContent()) ?? ''
      expect(status).toMatch(
        new RegExp(
          `^Ondertekend door ${rijkName} \\(Rijk\\) en ${provincieName} \\(Provincie Noord-Brabant\\) op \\d{2}-\\d{2}-\\d{4}$`,
        ),
      )
      // Read-only, yet it still takes a keyboard caret (to comment on a passage).
      await poll(() => editorOf(author.page, signedId).getAttribute('aria-readonly')).toBe('true')
      expect(await editorOf(author.page, signedId).getAttribute('contenteditable')).toBe('true')
      // Said politely to screen readers, in the author's browser too.
      await poll(() => author.page.getByTestId('signoff-announcement').textContent()).toBe(
        'Sectie 1 is vergrendeld: beide partijen hebben ondertekend.',
      )
      // The author is no signatory: the panel shows the states, not the sign buttons.
      await openPanel(author.page)
      await poll(() =>
        author.page.locator(`[data-testid="signoff-item"][data-section-id="${signedId}"]`).getAttribute('data-state'),
      ).toBe('locked')
      expect(await author.page.getByTestId('sign-section').count()).toBe(0)
      expect(await author.page.getByTestId('reopen-section').count()).toBe(0)
      expect(await titleInputOf(author.page, signedId).isEditable()).toBe(false)
      const deleteButton = sectionLocator(author.page, signedId).getByTestId('delete-section')
      expect(await deleteButton.getAttribute('aria-disabled')).toBe('true')
      // A bin drawn disabled; the padlock beside the title alone says "Vergrendeld".
      expect(await deleteButton.locator('svg.icon-trash').count()).toBe(1)
      expect(await deleteButton.locator('svg.icon-lock').count()).toBe(0)
      // The panel of the first signatory followed: locked, with the history.
      const item = rijkSigner.page.locator(`[data-testid="signoff-item"][data-section-id="${signedId}"]`)
      await poll(() => item.getAttribute('data-state')).toBe('locked')
      await item.getByTestId('signoff-history').locator('summary').click()
      await poll(() => item.getByTestId('signoff-history').textContent()).toContain('Vergrendeld')
      expect(await item.getByTestId('signoff-history').textContent()).toMatch(
        /\d{2}-\d{2}-\d{4} \d{2}:\d{2} .*ondertekende voor het Rijk — controlegetal van de tekst [0-9a-f]{8}/,
      )

      // The author types into the locked section's text and title: nothing changes.
      const title = await titleInputOf(author.page, signedId).inputValue()
      await editorOf(author.page, signedId).click()
      await author.page.keyboard.press('Control+End')
      await author.page.keyboard.type(' Dit mag niet.')
      for (const key of ['Enter', 'Backspace', 'Shift+Home', 'Delete', 'Control+b', 'Control+z', 'Control+y']) {
        await author.page.keyboard.press(key)
      }
      await author.page.keyboard.insertText('Geplakt?')
      // …and is told why, politely.
      await poll(() => sectionLocator(author.page, signedId).getByTestId('readonly-hint').textContent()).toBe(
        'Deze sectie is ondertekend en vergrendeld: de tekst kan niet veranderen. U kunt wel tekst selecteren en een reactie plaatsen (Ctrl+Alt+M).',
      )
      expect(await editorText(author.page, signedId)).toBe(lockedText)
      await titleInputOf(author.page, signedId).click()
      await author.page.keyboard.type(' X')
      expect(await editorText(author.page, signedId)).toBe(lockedText)
      expect(await titleInputOf(author.page, signedId).inputValue()).toBe(title)

      // A change in another section after it reaches the server: whatever the typing above sent would
      // have arrived before it. The locked one is unchanged on the server and in a fresh page.
      const otherId = (await sectionIds(author.page))[1]!
      await typeAtEnd(author.page, otherId, ' Wel hier.')
      await waitForSaveStatus(author.page, 'Opgeslagen', 30_000)
      expect(await author.page.getByTestId('refusal').count()).toBe(0)
      const onServer = (await signoffs(author.page)).sections.find((s) => s.sectionId === signedId)
      expect(onServer?.verified).toBe(true)
      const fresh = await rijkSigner.newPage()
      await openDocument(fresh, DE_PEEL)
      await waitFor(async () => (await editorText(fresh, otherId)).includes('Wel hier.'), { message: 'the other edit' })
      expect(await editorText(fresh, signedId)).toBe(lockedText)
      await fresh.close()

      for (const user of [rijkSigner, provincieSigner, author]) user.assertNoProblems()
    },
    LONG_TEST_MS,
  )
})

describe('BO-MIRT readiness', () => {
  it('counts the locked components and follows a new lock live, without showing its visitor as present', async () => {
    // The author has the document open and sees who else is in it.
    const present = author.page.locator('[data-testid="presence"] li')
    await present.first().waitFor()
    const clientIds = async (): Promise<string[]> =>
      (await present.evaluateAll((items) => items.map((item) => item.getAttribute('data-client-id') ?? ''))).sort()
    const presentBefore = await clientIds()
    const page = await rijkSigner.newPage()
    await page.goto(`/document/${DE_PEEL}/gereed`)
    await poll(() => page.getByTestId('readiness-verdict').textContent()).toBe(
      'Nog niet gereed: 1 van 8 onderdelen vergrendeld',
    )
    expect(await page.locator('[data-testid="readiness"] tbody tr').count()).toBe(8)
    const first = page.locator('[data-testid="readiness"] tbody tr[data-component="hoofdopgave"] td')
    // The last column is not a condition: the reactions still open on it (none here).
    expect(await first.allTextContents()).toEqual(['Ja', 'Ja', 'Ja', 'Ja', 'Ja', 'Geen'])
    // The demo's friction point is open on "ruimtelijke keuzes": said above the table, counted in its
    // row, with a link that opens that reaction in the document.
    expect(await page.getByTestId('readiness-open').textContent()).toBe(
      'Er staat nog 1 reactie open. Open reacties houden de ondertekening niet tegen, maar bespreek ze vóór het BO-MIRT.',
    )
    const keuzes = page.locator('[data-testid="readiness"] tbody tr[data-component="ruimtelijke-keuzes"]')
    const openLink = keuzes.getByTestId('readiness-open-threads').getByRole('link')
    expect(await openLink.textContent()).toBe('1 open')
    expect(await openLink.getAttribute('aria-label')).toMatch(
      /^1 open reactie bij Gezamenlijk beeld .+: tonen in het document$/,
    )

    // Both sign a second section through the API: the open view follows the mirror.
    const second = (await signoffs(page)).sections.find((s) => s.sectionId !== signedId)!
    for (const signer of [rijkSigner, provincieSigner]) {
      const answer = await fetchJson(
        signer.page,
        'POST',
        `/api/documents/${DE_PEEL}/sections/${second.sectionId}/signoff`,
        { hash: second.hash },
      )
      expect(answer.status).toBe(200)
    }
    await poll(() => page.getByTestId('readiness-verdict').textContent()).toBe(
      'Nog niet gereed: 2 van 8 onderdelen vergrendeld',
    )
    // The view was live all along, yet its visitor is not working in the document: not present there.
    // (Someone from an earlier test may have left meanwhile; nobody may have come.)
    expect((await clientIds()).filter((id) => !presentBefore.includes(id))).toEqual([])

    // The link opens the reaction in the document: its card active, its text in view.
    await openLink.click()
    const card = page.locator('[data-testid="comment-thread"]').filter({ hasText: 'Schuurpunt met ons ruimtelijk' })
    await poll(() => card.getAttribute('class')).toContain('comment-thread--active')
    await poll(() =>
      page.evaluate(() => document.activeElement?.textContent?.includes('Schuurpunt met ons ruimtelijk') ?? false),
    ).toBe(true)

    // Back on the overview, it follows the reactions live: resolved by a trekker, none is open any more.
    const threadId = (await card.getAttribute('data-thread-id')) ?? ''
    await page.goBack()
    await poll(() => keuzes.getByTestId('readiness-open-threads').textContent()).toBe('1 open')
    const resolved = await fetchJson(
      rijkSigner.page,
      'POST',
      `/api/documents/${DE_PEEL}/comments/${threadId}/resolve`,
      {},
    )
    expect(resolved.status).toBe(200)
    await poll(() => keuzes.getByTestId('readiness-open-threads').textContent()).toBe('Geen')
    expect(await page.getByTestId('readiness-open').count()).toBe(0)
    const reopened = await fetchJson(
      rijkSigner.page,
      'POST',
      `/api/documents/${DE_PEEL}/comments/${threadId}/reopen`,
      {},
    )
    expect(reopened.status).toBe(200)
    await page.close()
  })
})

describe('dossier export', () => {
  it('downloads the Markdown dossier with the locked text, showing progress', async () => {
    const page = author.page
    // Records whether the progress bar was ever shown (a small file is done within a frame or two).
    await page.evaluate(() => {
      const w = window as unknown as { __novexSawProgress?: boolean }
      w.__novexSawProgress = false
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="export-progress"]')) w.__novexSawProgress = true
      }).observe(document.body, { subtree: true, childList: true, attributes: true })
    })
    await page.getByTestId('export-format').selectOption('md')
    const download = page.waitForEvent('download')
    await page.getByTestId('export-dossier').click()
    const file = await download
    expect(await page.evaluate(() => (window as unknown as { __novexSawProgress?: boolean }).__novexSawProgress)).toBe(
      true,
    )
    expect(file.suggestedFilename()).toMatch(/\.md$/)
    const text = readFileSync((await file.path())!, 'utf8')
    // The first sentence of the locked section's text, as it was signed.
    const firstSentence = lockedText.split('\n')[0]!.slice(0, 60)
    expect(text).toContain(firstSentence)
    await poll(() => page.locator('.export-dossier__status').textContent()).toContain('Gedownload')
  })
})

describe('reopening', () => {
  it('reopens a locked section when one party asks with a reason and the other confirms', async () => {
    const rijkPage = rijkSigner.page
    const reopenButton = rijkPage.locator(`[data-testid="reopen-section"][data-section-id="${signedId}"]`)
    await reopenButton.click()
    // The dialog takes the focus, Escape closes it and gives the focus back.
    await poll(() => rijkPage.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reopen-reason')
    await rijkPage.keyboard.press('Escape')
    await poll(() => rijkPage.getByTestId('reopen-dialog').count()).toBe(0)
    await poll(() => rijkPage.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'reopen-section',
    )

    // A reason is required.
    await reopenButton.click()
    await rijkPage.getByTestId('reopen-confirm').click()
    await poll(() => rijkPage.getByTestId('reopen-dialog').getByRole('alert').textContent()).toBe('Vul een reden in.')
    await rijkPage.getByTestId('reopen-reason').fill('De cijfers over stikstof zijn bijgewerkt.')
    await rijkPage.getByTestId('reopen-confirm').click()
    await poll(() => statusOf(author.page, signedId).textContent()).toContain('Verzoek tot heropenen door')
    expect(await sectionLocator(author.page, signedId).getAttribute('data-locked')).toBe('true')

    // The province confirms: editable again, for the author, live.
    const provinciePage = provincieSigner.page
    await provinciePage.locator(`[data-testid="reopen-section"][data-section-id="${signedId}"]`).click()
    // The reason ends its own sentence: no second full stop after the quote.
    await poll(() => provinciePage.getByTestId('reopen-dialog').textContent()).toContain(
      '“De cijfers over stikstof zijn bijgewerkt.” Als u bevestigt,',
    )
    await provinciePage.getByTestId('reopen-reason').fill('Akkoord.')
    await provinciePage.getByTestId('reopen-confirm').click()
    await poll(() => sectionLocator(author.page, signedId).getAttribute('data-locked')).toBe('false')
    await poll(() => editorOf(author.page, signedId).getAttribute('aria-readonly')).toBeNull()
    await poll(() => statusOf(author.page, signedId).textContent()).toMatch(
      /^Heropend op \d{2}-\d{2}-\d{4}: de sectie moet opnieuw door het Rijk en de provincie worden ondertekend\.$/,
    )
    await typeAtEnd(author.page, signedId, ' Weer open.')
    await waitForSaveStatus(author.page, 'Opgeslagen', 30_000)
    expect(await editorText(author.page, signedId)).toContain('Weer open.')

    for (const user of [rijkSigner, provincieSigner, author]) user.assertNoProblems()
  })
})

describe('a text that changed meanwhile', () => {
  it(
    'refuses a signature over text the signatory has not seen yet, and shows why',
    async () => {
      // A second page of the Rijk signatory whose sync socket can be held: what the server sends it
      // waits, so this page keeps showing the old text while the author changes it on the server.
      const page = await rijkSigner.newPage()
      let hold = false
      const held: (string | Buffer)[] = []
      let release = (): void => {}
      await page.routeWebSocket(/\/sync\//, (socket) => {
        const upstream = socket.connectToServer()
        socket.onMessage((message) => upstream.send(message))
        upstream.onMessage((message) => {
          if (hold) held.push(message)
          else socket.send(message)
        })
        release = () => {
          hold = false
          for (const message of held.splice(0)) socket.send(message)
        }
      })
      await openDocument(page, DE_PEEL)
      await waitForSaveStatus(page, 'Opgeslagen', 30_000)
      const sectionId = (await sectionIds(page))[2]!
      hold = true
      await typeAtEnd(author.page, sectionId, ' Nog een zin.')
      await waitForSaveStatus(author.page, 'Opgeslagen', 30_000)
      expect(await editorText(page, sectionId)).not.toContain('Nog een zin.')

      await openPanel(page)
      await signAndConfirm(page, sectionId)
      const item = page.locator(`[data-testid="signoff-item"][data-section-id="${sectionId}"]`)
      // Said in the dialog, which stays open, and in the section's item.
      await poll(() => signDialog(page).getByTestId('sign-error').textContent()).toContain(
        'Lees de nieuwe tekst en onderteken opnieuw.',
      )
      await poll(() => item.getByTestId('signoff-error').textContent()).toContain(
        'Lees de nieuwe tekst en onderteken opnieuw.',
      )
      expect(await item.getAttribute('data-state')).toBe('open')
      expect(await signDialog(page).getByTestId('sign-changed').count()).toBe(0)

      // With the new text on the screen, the signature is accepted.
      release()
      await waitFor(async () => (await editorText(page, sectionId)).includes('Nog een zin.'), {
        message: 'the held change arriving',
        timeout: 30_000,
      }).catch(async (error: Error) => {
        throw new Error(`${error.message} (${held.length} frames still held)`)
      })
      // The dialog follows the text: it says the text changed while it was open, with the new checksum.
      await poll(() => signDialog(page).getByTestId('sign-changed').textContent()).toMatch(
        /^De tekst is gewijzigd terwijl dit venster openstond\. Lees de sectie opnieuw: u ondertekent de tekst zoals die nu is \(controlegetal van de tekst [0-9a-f]{8}\)\.$/,
      )
      await signDialog(page).getByTestId('sign-confirm').click()
      await signDialog(page).waitFor({ state: 'detached' })
      await poll(() => item.getAttribute('data-state')).toBe('half')
      await page.close()
      // The refused signature's 409 is the browser's own console line for a failed request.
      rijkSigner.assertNoProblems([/status of 409/])
    },
    LONG_TEST_MS,
  )
})

describe('dossier export failures', () => {
  it('shows an indeterminate progress bar while the server prepares the file, and a Dutch message on 5xx and 409', async () => {
    const page = author.page
    let finish = (): void => {}
    const prepared = new Promise<void>((resolve) => {
      finish = resolve
    })
    await page.route('**/export?format=pdf', async (route) => {
      await prepared
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'Internal error' } }),
      })
    })
    await page.getByTestId('export-format').selectOption('pdf')
    await page.getByTestId('export-dossier').click()
    await poll(() => page.getByTestId('export-progress').count()).toBe(1)
    expect(await page.getByTestId('export-progress').getAttribute('value')).toBeNull()
    finish()
    await poll(() => page.getByTestId('export-error').textContent()).toBe(
      'De server kon het dossier niet maken. Probeer het over een paar minuten opnieuw.',
    )
    await page.unroute('**/export?format=pdf')

    await page.route('**/export?format=odt', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'hash_mismatch', message: 'Een vergrendeld onderdeel klopt niet met de ondertekende tekst.' },
        }),
      }),
    )
    await page.getByTestId('export-format').selectOption('odt')
    await page.getByTestId('export-dossier').click()
    await poll(() => page.getByTestId('export-error').textContent()).toContain(
      // A known code reads in the interface language (the catalogue), not as the server worded it.
      'Het dossier kan nu niet worden gemaakt: een vergrendeld onderdeel klopt niet meer met de tekst die is ondertekend.',
    )
    await page.unroute('**/export?format=odt')
    author.assertNoProblems([/status of (409|500)/])
  })
})

describe('the sign-off panel without its overview', () => {
  it('shows no history count while the overview cannot be loaded, and the count once it can', async () => {
    const page = rijkSigner.page
    await openDocument(page, DE_PEEL)
    await waitForSaveStatus(page, 'Opgeslagen', 30_000)
    // The server's overview out of reach (the Y.Doc mirror of the states still comes over the socket).
    await page.route('**/signoffs', (route) => route.abort('internetdisconnected'))
    await openPanel(page)
    const item = page.locator(`[data-testid="signoff-item"][data-section-id="${signedId}"]`)
    await poll(() => page.getByTestId('signoff-panel').getByRole('alert').textContent()).toContain(
      'De server is niet bereikbaar.',
    )
    // "Geschiedenis (0)" would say nothing happened to a section that was signed, locked and reopened.
    expect(await item.getByTestId('signoff-history').locator('summary').textContent()).toBe('Geschiedenis')
    await item.getByTestId('signoff-history').locator('summary').click()
    expect(await item.getByTestId('signoff-history').textContent()).toContain(
      'De geschiedenis is nu niet beschikbaar: het overzicht kon (nog) niet worden geladen.',
    )
    await page.unroute('**/signoffs')
    await page.getByTestId('signoff-panel').getByRole('button', { name: 'Opnieuw proberen' }).click()
    await poll(() => item.getByTestId('signoff-history').locator('summary').textContent()).toMatch(
      /^Geschiedenis \([1-9]\d*\)$/,
    )
    rijkSigner.assertNoProblems([/status of 409/, /ERR_INTERNET_DISCONNECTED/])
  })
})
