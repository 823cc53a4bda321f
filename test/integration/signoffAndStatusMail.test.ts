// E-mail about the ijkmomenten, the sign-off and the decision-making, through a real SMTP server:
// - "om ondertekening vragen" mails the signatories whose side has not signed the section yet, with a
//   link to the sign-off panel (requests for several sections within the gathering time as one mail);
// - a request to reopen a locked section mails the other side's signatories with its reason, and its
//   confirmation tells the trekkers and signatories that it reopened;
// - a signature that lapsed because someone else changed the text mails the one who signed;
// - a section locked by both signatures mails the trekkers and signatories, with how many required
//   components are locked;
// - an ijkmoment opened or closed mails everyone who may comment;
// - a status decision (submitted for consent, consent recorded) mails the area's trekkers and signatories.
// Never the one who acted.
import { listThreads, orderedSections, type SectionId } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { anchorOver, api, firstText } from '../helpers/comments.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type MailServer, type ReceivedMail, startMailServer } from '../helpers/mailServer.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, loginEveryone } from '../helpers/session.ts'
import { getJson, postJson, reopen, sign } from '../helpers/signoff.ts'
import { waitFor } from '../helpers/waitFor.ts'

type Who = keyof typeof DEMO
/** Requests to sign and locks wait this long for more of their kind (two minutes by default). */
const GATHER_MS = 2_000

let mail: MailServer
let server: RunningServer
let cookies: Record<Who, string>
let sections: SectionId[]
let reader: TestClient
let meelezerId: string

beforeAll(async () => {
  mail = await startMailServer()
  server = await startServer({
    env: {
      SMTP_URL: mail.url,
      MAIL_FROM: 'noreply@novex.example',
      PUBLIC_URL: 'http://localhost:4398',
      NOVEX_MAIL_GATHER_SECONDS: String(GATHER_MS / 1000),
    },
  })
  cookies = await loginEveryone(server)
  reader = connectClient(server, DE_PEEL, { cookie: cookies.lezer })
  await reader.synced()
  sections = orderedSections(reader.doc).map((s) => s.id)
  meelezerId = (await api<{ user: { id: string } }>(server, cookies.meelezer, 'GET', '/api/session')).body.user.id
})

afterAll(async () => {
  reader.destroy()
  await server.stop()
  server.cleanup()
  await mail.stop()
})

const mailsTo = (who: Who): ReceivedMail[] => mail.received.filter((m) => m.to.includes(DEMO[who]))
const everyone = Object.keys(DEMO) as Who[]
/** How many mails each account has had so far. */
const counts = (): Record<Who, number> =>
  Object.fromEntries(everyone.map((who) => [who, mailsTo(who).length])) as Record<Who, number>
const request = (who: Who, section: SectionId) =>
  postJson(server, cookies[who], `/api/documents/${DE_PEEL}/sections/${section}/signoff-request`, {})
async function nextMail(who: Who, before: number): Promise<ReceivedMail> {
  await waitFor(() => mailsTo(who).length > before, { message: `a mail to ${who}`, timeout: 15_000 })
  const found = mailsTo(who)[before]
  if (found === undefined) throw new Error('no mail')
  return found
}
/**
 * Mentions the meelezer and waits for that mail: the outbox sends in the order mails are due, so every
 * mail queued before it (and gathered for a bundle) has been sent by then.
 */
async function outboxDrained(): Promise<void> {
  // A mail that waits to be bundled is due before a mention written after its gathering time.
  await new Promise((resolve) => setTimeout(resolve, GATHER_MS))
  const before = mailsTo('meelezer').length
  const section = sections[7] as SectionId
  const thread = await api(server, cookies.rijkAuteur, 'POST', `/api/documents/${DE_PEEL}/comments`, {
    sectionId: section,
    anchor: anchorOver(firstText(reader.doc, section), 0, 4),
    quote: 'x',
    body: 'Het teken.',
    mentions: [meelezerId],
  })
  expect(thread.status).toBe(201)
  await nextMail('meelezer', before)
}

it('asks the signatories of both sides to sign, not the one who asks', async () => {
  const before = { rijk: mailsTo('rijkOndertekenaar').length, provincie: mailsTo('provincieOndertekenaar').length }
  expect((await request('rijkAuteur', sections[0] as SectionId)).status).toBe(200)
  for (const who of ['rijkOndertekenaar', 'provincieOndertekenaar'] as const) {
    const received = await nextMail(who, before[who === 'rijkOndertekenaar' ? 'rijk' : 'provincie'])
    expect(received.subject).toMatch(/^Verzoek om ondertekening: .+ — Ontwikkelperspectief De Peel$/)
    expect(received.text).toMatch(
      /^.+ \(.+\) vraagt u het onderdeel ".+" in "Ontwikkelperspectief De Peel" te ondertekenen\./,
    )
    expect(received.text).toContain(`http://localhost:4398/document/${DE_PEEL}?paneel=ondertekenen`)
    expect(received.text).toContain('Meldingen per e-mail')
  }
  expect(mailsTo('rijkAuteur')).toHaveLength(0)
})

it('asks only the side that has not signed yet', async () => {
  const section = sections[1] as SectionId
  expect((await sign(server, cookies.rijkOndertekenaar, DE_PEEL, section)).status).toBe(200)
  const before = { rijk: mailsTo('rijkOndertekenaar').length, provincie: mailsTo('provincieOndertekenaar').length }
  expect((await request('provincieAuteur', section)).status).toBe(200)
  await nextMail('provincieOndertekenaar', before.provincie)
  await outboxDrained()
  expect(mailsTo('rijkOndertekenaar')).toHaveLength(before.rijk)
})

it('asks once for several sections requested within the gathering time', async () => {
  const before = counts()
  expect((await request('rijkAuteur', sections[4] as SectionId)).status).toBe(200)
  expect((await request('rijkAuteur', sections[5] as SectionId)).status).toBe(200)
  for (const who of ['rijkOndertekenaar', 'provincieOndertekenaar'] as const) {
    const received = await nextMail(who, before[who])
    expect(received.subject).toBe('Verzoek om ondertekening van 2 onderdelen — Ontwikkelperspectief De Peel')
    expect(received.text).toMatch(
      /^.+ \(Ministerie .+\) vraagt u deze 2 onderdelen van "Ontwikkelperspectief De Peel" te ondertekenen:\n- ".+"\n- ".+"\n/,
    )
    expect(received.text).toContain(`http://localhost:4398/document/${DE_PEEL}?paneel=ondertekenen`)
  }
  await outboxDrained()
  expect(mailsTo('rijkOndertekenaar')).toHaveLength(before.rijkOndertekenaar + 1)
  expect(mailsTo('provincieOndertekenaar')).toHaveLength(before.provincieOndertekenaar + 1)
})

it('asks the other side to confirm a reopen, with the reason; the confirmation tells the others it reopened', async () => {
  const section = sections[2] as SectionId
  expect((await sign(server, cookies.rijkOndertekenaar, DE_PEEL, section)).status).toBe(200)
  expect((await sign(server, cookies.provincieOndertekenaar, DE_PEEL, section)).status).toBe(200)
  await outboxDrained() // the mail about the lock
  const before = { rijk: mailsTo('rijkOndertekenaar').length, provincie: mailsTo('provincieOndertekenaar').length }
  const asked = await reopen(server, cookies.rijkOndertekenaar, DE_PEEL, section, 'De stikstofcijfers zijn herzien.')
  expect(asked.status).toBe(200)
  const toRegio = await nextMail('provincieOndertekenaar', before.provincie)
  expect(toRegio.subject).toMatch(/^Verzoek om heropenen: .+ — Ontwikkelperspectief De Peel$/)
  expect(toRegio.text).toContain('Reden: De stikstofcijfers zijn herzien.')
  expect(toRegio.text).toContain(`http://localhost:4398/document/${DE_PEEL}?paneel=ondertekenen`)
  // The other side confirms: the section reopens, and the trekkers and signatories hear it (not the one
  // who confirmed).
  expect((await reopen(server, cookies.provincieOndertekenaar, DE_PEEL, section, '')).status).toBe(200)
  const reopened = await nextMail('rijkOndertekenaar', before.rijk)
  expect(reopened.subject).toMatch(/^Onderdeel heropend: .+ — Ontwikkelperspectief De Peel$/)
  expect(reopened.text).toMatch(
    /^.+ \(Provincie .+\) heeft bevestigd dat het ondertekende onderdeel ".+" in "Ontwikkelperspectief De Peel" wordt heropend voor wijziging\.\nReden: De stikstofcijfers zijn herzien\.\n/,
  )
  await outboxDrained()
  expect(mailsTo('rijkOndertekenaar')).toHaveLength(before.rijk + 1)
  expect(mailsTo('provincieOndertekenaar')).toHaveLength(before.provincie + 1)
})

it('tells a signatory that their signature lapsed when someone else changed the text, not when they did', async () => {
  const signedByRijk = sections[1] as SectionId // signed by the Rijk only, above
  const lapsedFor = (section: SectionId) => async (): Promise<boolean> => {
    const overview = await getJson<{ sections: { sectionId: string; state: { signatures: unknown[] } }[] }>(
      server,
      cookies.lezer,
      `/api/documents/${DE_PEEL}/signoffs`,
    )
    return overview.body.sections.find((s) => s.sectionId === section)?.state.signatures.length === 0
  }
  await outboxDrained()
  const before = counts()
  const author = connectClient(server, DE_PEEL, { cookie: cookies.provincieAuteur })
  const signer = connectClient(server, DE_PEEL, { cookie: cookies.rijkOndertekenaar })
  try {
    await author.synced()
    firstText(author.doc, signedByRijk).insert(0, 'Nieuw: ')
    const lapsed = await nextMail('rijkOndertekenaar', before.rijkOndertekenaar)
    expect(lapsed.subject).toMatch(/^Ondertekening vervallen: .+ — Ontwikkelperspectief De Peel$/)
    expect(lapsed.text).toMatch(
      /^Uw ondertekening van het onderdeel ".+" in "Ontwikkelperspectief De Peel" \(voor het Rijk, op \d{2}-\d{2}-\d{4}\) is vervallen: de tekst is gewijzigd nadat u ondertekende\./,
    )
    expect(lapsed.text).toContain(`http://localhost:4398/document/${DE_PEEL}?paneel=ondertekenen`)

    // A signatory who changes what they signed knows it: no mail.
    const own = sections[6] as SectionId
    expect((await sign(server, cookies.rijkOndertekenaar, DE_PEEL, own)).status).toBe(200)
    await signer.synced()
    firstText(signer.doc, own).insert(0, 'Zelf: ')
    await waitFor(lapsedFor(own), { message: 'the own signature lapsed' })
    await outboxDrained()
    expect(mailsTo('rijkOndertekenaar')).toHaveLength(before.rijkOndertekenaar + 1)
    expect(mailsTo('provincieOndertekenaar')).toHaveLength(before.provincieOndertekenaar)
  } finally {
    author.destroy()
    signer.destroy()
  }
})

it('tells the trekkers and signatories that a section is signed and locked, not the one who signed last', async () => {
  const section = sections[3] as SectionId
  await outboxDrained()
  const before = counts()
  expect((await sign(server, cookies.rijkOndertekenaar, DE_PEEL, section)).status).toBe(200)
  expect((await sign(server, cookies.provincieOndertekenaar, DE_PEEL, section)).status).toBe(200)
  const toRijk = await nextMail('rijkOndertekenaar', before.rijkOndertekenaar)
  expect(toRijk.subject).toMatch(/^Onderdeel ondertekend: .+ — Ontwikkelperspectief De Peel$/)
  expect(toRijk.text).toMatch(
    /^Het onderdeel ".+" in "Ontwikkelperspectief De Peel" is ondertekend door beide partijen\./,
  )
  expect(toRijk.text).toMatch(/\n- .+ \(Ministerie .+\) voor het Rijk, op \d{2}-\d{2}-\d{4}\n/)
  expect(toRijk.text).toMatch(/\n- .+ \(Provincie .+\) voor de regio, op \d{2}-\d{2}-\d{4}\n/)
  // Section 3 is the only one locked: section 2 was reopened, section 1 has one signature.
  expect(toRijk.text).toContain('Van de 8 verplichte onderdelen zijn er nu 1 ondertekend.')
  expect(toRijk.text).toContain(`http://localhost:4398/document/${DE_PEEL}/gereed`)
  await outboxDrained()
  expect(mailsTo('provincieOndertekenaar')).toHaveLength(before.provincieOndertekenaar)
  expect(mailsTo('rijkAuteur')).toHaveLength(before.rijkAuteur)
  expect(mailsTo('rijkOndertekenaar')).toHaveLength(before.rijkOndertekenaar + 1)
})

it('tells everyone who may comment that an ijkmoment opened and closed, not the trekker or a lezer', async () => {
  const trekker = cookies.rijkOndertekenaar
  const step = (what: 'open' | 'close') => postJson(server, trekker, `/api/documents/${DE_PEEL}/review/${what}`, {})
  const commenters = ['rijkAuteur', 'provincieAuteur', 'provincieOndertekenaar', 'meelezer'] as const
  await outboxDrained()
  const before = counts()

  expect((await step('open')).status).toBe(200)
  for (const who of commenters) {
    const opened = await nextMail(who, before[who])
    expect(opened.subject).toBe('IJkmoment 1 geopend: Ontwikkelperspectief De Peel')
    expect(opened.text).toMatch(/^.+ \(Ministerie .+\) heeft IJkmoment 1 geopend voor "Ontwikkelperspectief De Peel"\./)
    expect(opened.text).toContain(`http://localhost:4398/document/${DE_PEEL}\n`)
  }
  const open = listThreads(reader.doc).filter((t) => t.status === 'open').length
  expect(open).toBeGreaterThan(1)
  expect((await step('close')).status).toBe(200)
  for (const who of commenters) {
    const closed = await nextMail(who, before[who] + 1)
    expect(closed.subject).toBe('IJkmoment 1 afgesloten: Ontwikkelperspectief De Peel')
    expect(closed.text).toContain(`${open} open reacties gaan mee naar IJkmoment 2.`)
    expect(closed.text).toContain('De versie "Einde IJkmoment 1" en het verslag staan in de versiegeschiedenis:')
    expect(closed.text).toContain(`http://localhost:4398/document/${DE_PEEL}/versies`)
  }
  for (const what of ['open', 'close', 'open', 'close'] as const) expect((await step(what)).status).toBe(200)
  const last = await nextMail('meelezer', before.meelezer + 5)
  expect(last.subject).toBe('IJkmoment 3 afgesloten: Ontwikkelperspectief De Peel')
  expect(last.text).toContain('Dit was het laatste ijkmoment.')
  await outboxDrained()
  expect(mailsTo('rijkOndertekenaar')).toHaveLength(before.rijkOndertekenaar)
  expect(mailsTo('lezer')).toHaveLength(before.lezer)
})

it('tells the trekkers and signatories of a status decision, not the one who decided', async () => {
  const trekker = cookies.rijkOndertekenaar
  for (const section of sections) {
    await sign(server, cookies.rijkOndertekenaar, DE_PEEL, section)
    await sign(server, cookies.provincieOndertekenaar, DE_PEEL, section)
  }
  // The last lock says the perspective is ready.
  await waitFor(
    () =>
      mailsTo('rijkOndertekenaar').some((m) =>
        m.text.includes(
          'Alle 8 verplichte onderdelen zijn nu ondertekend: het ontwikkelperspectief is gereed voor de BO-MIRT.',
        ),
      ),
    { message: 'the mail that all eight are locked', timeout: 15_000 },
  )
  await outboxDrained()
  const before = { rijk: mailsTo('rijkOndertekenaar').length, provincie: mailsTo('provincieOndertekenaar').length }
  const submitted = await postJson(server, trekker, `/api/documents/${DE_PEEL}/status/submit`, {
    note: 'Voor het BO-MIRT van november',
  })
  expect(submitted.status).toBe(200)
  const toRegio = await nextMail('provincieOndertekenaar', before.provincie)
  expect(toRegio.subject).toBe('Ter instemming aangeboden: Ontwikkelperspectief De Peel')
  expect(toRegio.text).toContain('Toelichting: Voor het BO-MIRT van november')
  expect(toRegio.text).toContain('De status is nu: Ter instemming (BOL/BO-MIRT).')
  expect(toRegio.text).toContain(`http://localhost:4398/document/${DE_PEEL}/gereed`)

  const consented = await postJson(server, cookies.provincieOndertekenaar, `/api/documents/${DE_PEEL}/status/consent`, {
    date: '2026-11-20',
    reference: 'BO-MIRT najaar 2026',
  })
  expect(consented.status).toBe(200)
  const toRijk = await nextMail('rijkOndertekenaar', before.rijk)
  expect(toRijk.subject).toBe('Instemming van de regio vastgelegd: Ontwikkelperspectief De Peel')
  expect(toRijk.text).toContain(
    'op 20-11-2026 heeft ingestemd met "Ontwikkelperspectief De Peel" (BO-MIRT najaar 2026)',
  )
  // Neither heard of their own decision.
  await outboxDrained()
  expect(mailsTo('rijkOndertekenaar')).toHaveLength(before.rijk + 1)
  expect(mailsTo('provincieOndertekenaar')).toHaveLength(before.provincie + 1)
  // Authors are neither trekker nor signatory: no mail about decisions or locks.
  expect(mailsTo('rijkAuteur').filter((m) => /aangeboden|vastgelegd|ondertekend/.test(m.subject))).toEqual([])
})
