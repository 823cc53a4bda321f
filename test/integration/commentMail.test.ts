// E-mail about comments, through a real SMTP server (smtp-server): a mention mails the person mentioned,
// a reply mails the thread's earlier writers, never the writer; a user can turn it off; a mail server
// that is down delays mail but loses none, also over a restart of the editor; a mailbox the mail server
// refuses for good is given up, not retried. Without SMTP_URL nothing is offered. Comments about one
// document that reach one person within the gathering time go as one mail; someone who wants them once a
// day gets them at the daily time, and at once when they no longer want that.
import { createServer, type Socket } from 'node:net'
import { openDatabase } from '@novex/server'
import { type CommentThread, orderedSections, type SectionId } from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { anchorOver, api, firstText } from '../helpers/comments.ts'
import { DE_PEEL, metric } from '../helpers/documents.ts'
import { type MailServer, type ReceivedMail, startMailServer } from '../helpers/mailServer.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, loginEveryone } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

type Who = keyof typeof DEMO

let mail: MailServer
let server: RunningServer
let author: TestClient
let cookies: Record<Who, string>
let ids: Record<Who, string>
let section: SectionId
const PUBLIC_URL = 'http://localhost:4398'
const path = `/api/documents/${DE_PEEL}/comments`

const env = (smtpUrl: string) => ({
  SMTP_URL: smtpUrl,
  MAIL_FROM: 'NOVEX-editor <noreply@novex.example>',
  PUBLIC_URL,
  NOVEX_MAIL_RETRY_SECONDS: '1',
  // Each mail on its own here (sent as soon as it is queued); gathering has its own server below.
  NOVEX_MAIL_GATHER_SECONDS: '0',
})

beforeAll(async () => {
  mail = await startMailServer()
  server = await startServer({ env: env(mail.url) })
  cookies = await loginEveryone(server)
  const entries = await Promise.all(
    (Object.keys(DEMO) as Who[]).map(async (who) => {
      const me = await api<{ user: { id: string } }>(server, cookies[who], 'GET', '/api/session')
      return [who, me.body.user.id] as const
    }),
  )
  ids = Object.fromEntries(entries) as Record<Who, string>
  author = connectClient(server, DE_PEEL, { cookie: cookies.provincieAuteur })
  await author.synced()
  section = orderedSections(author.doc)[0]?.id as SectionId
})

afterAll(async () => {
  author.destroy()
  await server.stop()
  server.cleanup()
  await mail.stop()
})

const to = (who: Who): string => DEMO[who]
const mailsTo = (who: Who): ReceivedMail[] => mail.received.filter((m) => m.to.includes(to(who)))

async function openThread(who: Who, body: string, mentions: readonly Who[]): Promise<CommentThread> {
  const answer = await api<CommentThread>(server, cookies[who], 'POST', path, {
    sectionId: section,
    anchor: anchorOver(firstText(author.doc, section), 0, 12),
    quote: 'wat de pagina ook zegt',
    body,
    mentions: mentions.map((m) => ids[m]),
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body
}

async function reply(who: Who, threadId: string, body: string, mentions: readonly Who[] = []): Promise<string> {
  const answer = await api<{ id: string }>(server, cookies[who], 'POST', `${path}/${threadId}/messages`, {
    body,
    mentions: mentions.map((m) => ids[m]),
  })
  expect(answer.status).toBe(201)
  return answer.body.id
}

async function waitForMail(who: Who, count: number): Promise<ReceivedMail[]> {
  await waitFor(() => mailsTo(who).length >= count, { message: `${count} mail(s) to ${who}`, timeout: 15_000 })
  return mailsTo(who)
}

describe('e-mail about comments', () => {
  it('goes to everyone mentioned, never to the writer, with the comment, the quote and a link to the thread', async () => {
    const thread = await openThread(
      'provincieAuteur',
      '@Wim Waterschap en @Rijk: klopt dit peil?\nGraag voor vrijdag.',
      ['meelezer', 'rijkAuteur', 'provincieAuteur'],
    )
    const [toReader] = await waitForMail('meelezer', 1)
    const [toRijk] = await waitForMail('rijkAuteur', 1)
    for (const received of [toReader, toRijk]) {
      expect(received?.subject).toMatch(/^.+ noemt u in een reactie — .+$/)
      expect(received?.from).toBe('noreply@novex.example')
      expect(received?.autoSubmitted).toBe('auto-generated')
      expect(received?.text).toContain('> @Wim Waterschap en @Rijk: klopt dit peil?\n> Graag voor vrijdag.')
      expect(received?.text).toContain(`Het gaat over de tekst: "${thread.quote}"`)
      expect(received?.text).toContain(`${PUBLIC_URL}/document/${DE_PEEL}?reactie=${thread.id}`)
      // Beside the text, the same in HTML: the comment as a quotation, the thread as a link.
      expect(received?.html).toContain('klopt dit peil?<br>Graag voor vrijdag.</blockquote>')
      expect(received?.html).toContain(`<a href="${PUBLIC_URL}/document/${DE_PEEL}?reactie=${thread.id}"`)
    }
    // The writer mentioned themselves: no mail to them.
    expect(mailsTo('provincieAuteur')).toHaveLength(0)
  })

  it('on a reply goes to those who wrote in the thread before; an edit mails only the mentions it adds', async () => {
    const thread = await openThread('provincieAuteur', 'Is dit de goede kaart?', [])
    const before = { opener: mailsTo('provincieAuteur').length, rijk: mailsTo('rijkAuteur').length }
    await reply('meelezer', thread.id, 'Nee, de kaart van 2024.')
    const [toOpener] = (await waitForMail('provincieAuteur', before.opener + 1)).slice(-1)
    expect(toOpener?.subject).toMatch(/^Nieuwe reactie van .+ — .+$/)
    expect(toOpener?.text).toContain('> Nee, de kaart van 2024.')

    // A reply mails the meelezer, who wrote before; an edit that adds a mention mails only that person.
    const readerBefore = mailsTo('meelezer').length
    const messageId = await reply('provincieAuteur', thread.id, 'Dank, ik pas het aan.')
    await waitForMail('meelezer', readerBefore + 1)
    const messagePath = `${path}/${thread.id}/messages/${messageId}`
    const edited = await api(server, cookies.provincieAuteur, 'PATCH', messagePath, {
      body: 'Dank, ik pas het aan. @Rijk, akkoord?',
      mentions: [ids.rijkAuteur],
    })
    expect(edited.status).toBe(200)
    const [toRijk] = (await waitForMail('rijkAuteur', before.rijk + 1)).slice(-1)
    expect(toRijk?.text).toContain('> Dank, ik pas het aan. @Rijk, akkoord?')
    expect(mailsTo('meelezer')).toHaveLength(readerBefore + 1)
    // Editing again with the same mention mails nobody: the next mail to them is the marker after it
    // (the outbox sends in order).
    await api(server, cookies.provincieAuteur, 'PATCH', messagePath, {
      body: 'Dank, ik pas het aan. @Rijk, akkoord? (kaart 2024)',
      mentions: [ids.rijkAuteur],
    })
    await openThread('provincieAuteur', 'Het teken na de tweede wijziging.', ['rijkAuteur'])
    const [marker] = (await waitForMail('rijkAuteur', before.rijk + 2)).slice(-1)
    expect(marker?.text).toContain('Het teken na de tweede wijziging.')
    expect(mailsTo('rijkAuteur').some((m) => m.text.includes('(kaart 2024)'))).toBe(false)
  })

  it("is written in the language of the user's interface, which the client reports", async () => {
    const english = await api(server, cookies.meelezer, 'PUT', '/api/session/mail', { language: 'en' })
    expect(english.body).toEqual({ available: true, enabled: true, daily: false, dailyAt: '08:00', language: 'en' })
    for (const wrong of [{ language: 'de' }, {}, { language: 'en', extra: 1 }]) {
      expect((await api(server, cookies.meelezer, 'PUT', '/api/session/mail', wrong)).status).toBe(400)
    }
    const before = mailsTo('meelezer').length
    await openThread('provincieAuteur', 'Graag uw oordeel.', ['meelezer'])
    const received = (await waitForMail('meelezer', before + 1))[before]
    expect(received?.subject).toMatch(/^.+ mentioned you in a comment — .+$/)
    expect(received?.text).toContain('> Graag uw oordeel.')
    expect(received?.text).toContain('No more e-mail? Turn off "Notifications by e-mail"')
    await api(server, cookies.meelezer, 'PUT', '/api/session/mail', { language: 'nl' })
    await openThread('provincieAuteur', 'En nu in het Nederlands.', ['meelezer'])
    expect((await waitForMail('meelezer', before + 2))[before + 1]?.subject).toMatch(/ noemt u in een reactie — /)
  })

  it('can be turned off and on by each user, and is then not sent to them', async () => {
    const off = await api<{ available: boolean; enabled: boolean }>(
      server,
      cookies.rijkAuteur,
      'PUT',
      '/api/session/mail',
      {
        enabled: false,
      },
    )
    expect(off.body).toEqual({ available: true, enabled: false, daily: false, dailyAt: '08:00', language: 'nl' })
    const bad = await api<{ error: { code: string } }>(server, cookies.rijkAuteur, 'PUT', '/api/session/mail', {
      enabled: 'ja',
    })
    expect(bad.status).toBe(400)
    const rijkBefore = mailsTo('rijkAuteur').length
    const readerBefore = mailsTo('meelezer').length
    await openThread('provincieAuteur', 'Voor allebei.', ['rijkAuteur', 'meelezer'])
    await waitForMail('meelezer', readerBefore + 1)
    expect(mailsTo('rijkAuteur')).toHaveLength(rijkBefore)
    const on = await api<{ enabled: boolean }>(server, cookies.rijkAuteur, 'PUT', '/api/session/mail', {
      enabled: true,
    })
    expect(on.body.enabled).toBe(true)
    await openThread('provincieAuteur', 'Weer aan.', ['rijkAuteur'])
    await waitForMail('rijkAuteur', rijkBefore + 1)
  })

  it('waits while the mail server is down, and loses nothing over a restart of the editor', async () => {
    const before = mailsTo('meelezer').length
    await mail.stop()
    await openThread('provincieAuteur', 'Verstuurd terwijl de mailserver plat lag.', ['meelezer'])
    // The first attempt fails and is retried later: logged, not lost.
    await waitFor(() => server.logs.some((line) => line.includes('e-mail not delivered')), {
      message: 'a failed delivery to be logged',
      timeout: 15_000,
    })
    // Operators see it: a retry, and a mail waiting in the outbox.
    expect(await metric(server.httpUrl, 'mails_retried_total')).toBeGreaterThanOrEqual(1)
    expect(await metric(server.httpUrl, 'mails_waiting')).toBeGreaterThanOrEqual(1)
    // The editor restarts before the mail server is back.
    await server.stop()
    server = await startServer({ dataDir: server.dataDir, env: env(mail.url) })
    await mail.start()
    const [received] = (await waitForMail('meelezer', before + 1)).slice(-1)
    expect(received?.text).toContain('Verstuurd terwijl de mailserver plat lag.')
    await waitFor(async () => (await metric(server.httpUrl, 'mails_waiting')) === 0, { message: 'the outbox empty' })
    expect(await metric(server.httpUrl, 'mails_sent_total')).toBeGreaterThanOrEqual(1)
    cookies = await loginEveryone(server)
    author.destroy()
    author = connectClient(server, DE_PEEL, { cookie: cookies.provincieAuteur })
    await author.synced()
  }, 60_000)

  it('is given up at once when the mail server refuses the mailbox for good', async () => {
    mail.refuse(to('lezer'))
    // A lezer is a member of the area, so they can be mentioned (and may read the thread).
    await openThread('provincieAuteur', 'Voor de lezer.', ['lezer'])
    await waitFor(() => server.logs.some((line) => line.includes('e-mail given up')), {
      message: 'the refusal to be logged',
      timeout: 15_000,
    })
    // Later mails still go out, and the refused one is not tried again (retries here come after 1 s).
    const readerBefore = mailsTo('meelezer').length
    await openThread('provincieAuteur', 'Nog een.', ['meelezer'])
    await waitForMail('meelezer', readerBefore + 1)
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect(mail.attempts.get(to('lezer'))).toBe(1)
    expect(mailsTo('lezer')).toHaveLength(0)
    expect(await metric(server.httpUrl, 'mails_given_up_total')).toBe(1)
  })
})

/** A second editor with its own settings (beside `server`): everyone logged in, the province's author in De Peel. */
interface OtherEditor {
  readonly server: RunningServer
  readonly logins: Record<Who, string>
  /** Opens a thread on the first section's first words, mentioning the meelezer. */
  readonly mentionReader: (who: Who, quote: string, body: string) => Promise<{ status: number; body: CommentThread }>
  stop(): Promise<void>
}

async function startOtherEditor(settings: Readonly<Record<string, string>>): Promise<OtherEditor> {
  const other = await startServer({ env: { ...env(mail.url), ...settings } })
  const logins = await loginEveryone(other)
  const meelezer = await api<{ user: { id: string } }>(other, logins.meelezer, 'GET', '/api/session')
  const client = connectClient(other, DE_PEEL, { cookie: logins.provincieAuteur })
  await client.synced()
  const first = orderedSections(client.doc)[0]?.id as SectionId
  return {
    server: other,
    logins,
    mentionReader: (who, quote, body) =>
      api<CommentThread>(other, logins[who], 'POST', path, {
        sectionId: first,
        anchor: anchorOver(firstText(client.doc, first), 0, 12),
        quote,
        body,
        mentions: [meelezer.body.user.id],
      }),
    stop: async () => {
      client.destroy()
      await other.stop()
      other.cleanup()
    },
  }
}

describe('within the gathering time', () => {
  it('sends the comments about one document to one person as one mail, each with its own link', async () => {
    const gathering = await startOtherEditor({ NOVEX_MAIL_GATHER_SECONDS: '2' })
    try {
      const before = { reader: mailsTo('meelezer').length, opener: mailsTo('provincieAuteur').length }
      const open = async (who: 'provincieAuteur' | 'rijkAuteur', body: string): Promise<CommentThread> => {
        const answer = await gathering.mentionReader(who, 'de tekst', body)
        expect(answer.status).toBe(201)
        return answer.body
      }
      const one = await open('provincieAuteur', 'Eerste vraag aan het waterschap.')
      const two = await open('rijkAuteur', 'Tweede vraag, van het Rijk.')
      // The meelezer answers the first: its opener hears of it on their own (another person).
      const replied = await api(gathering.server, gathering.logins.meelezer, 'POST', `${path}/${one.id}/messages`, {
        body: 'Antwoord van het waterschap.',
        mentions: [],
      })
      expect(replied.status).toBe(201)
      const received = (await waitForMail('meelezer', before.reader + 1)).slice(before.reader)
      expect(received).toHaveLength(1)
      expect(received[0]?.subject).toBe('2 nieuwe reacties voor u — Ontwikkelperspectief De Peel')
      const text = received[0]?.text ?? ''
      expect(text).toContain('> Eerste vraag aan het waterschap.')
      expect(text).toContain('> Tweede vraag, van het Rijk.')
      expect(text).toContain(`${PUBLIC_URL}/document/${DE_PEEL}?reactie=${one.id}`)
      expect(text).toContain(`${PUBLIC_URL}/document/${DE_PEEL}?reactie=${two.id}`)
      const [toOpener] = (await waitForMail('provincieAuteur', before.opener + 1)).slice(before.opener)
      expect(toOpener?.subject).toMatch(/^Nieuwe reactie van .+ — Ontwikkelperspectief De Peel$/)
      // Nothing more comes after the gathering time: the two went as one, and only once.
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      expect(mailsTo('meelezer')).toHaveLength(before.reader + 1)
    } finally {
      await gathering.stop()
    }
  }, 60_000)
})

/** When the meelezer's unsent mails are due, from the editor's SQLite file. */
function dueTimes(dataDir: string, userId: string): number[] {
  const db = openDatabase(dataDir)
  try {
    const rows = db
      .prepare('SELECT next_at FROM mail_outbox WHERE recipient_id = ? AND sent_at IS NULL AND given_up_at IS NULL')
      .all(userId) as { next_at: number }[]
    return rows.map((row) => row.next_at)
  } finally {
    db.close()
  }
}

/** The time of day on the Dutch clock, "07:30". */
const dutchClock = (at: number): string =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(at)

describe('once a day', () => {
  it('keeps the mentions for the daily time, sends none meanwhile, and sends them as one when turned off', async () => {
    const daily = await startOtherEditor({ NOVEX_MAIL_DIGEST_AT: '07:30' })
    try {
      const on = await api(daily.server, daily.logins.meelezer, 'PUT', '/api/session/mail', { daily: true })
      expect(on.body).toEqual({ available: true, enabled: true, daily: true, dailyAt: '07:30', language: 'nl' })
      const before = mailsTo('meelezer').length
      const opened = Date.now()
      for (const body of ['Eerste vraag voor het overzicht.', 'Tweede vraag voor het overzicht.']) {
        expect((await daily.mentionReader('provincieAuteur', 'de tekst', body)).status).toBe(201)
      }
      const readerId = (await api<{ user: { id: string } }>(daily.server, daily.logins.meelezer, 'GET', '/api/session'))
        .body.user.id
      const due = dueTimes(daily.server.dataDir, readerId)
      expect(due).toHaveLength(2)
      for (const at of due) {
        expect(at).toBeGreaterThan(opened)
        expect(at - opened).toBeLessThanOrEqual(24 * 60 * 60 * 1000)
        expect(dutchClock(at)).toBe('07:30')
      }
      // Nothing goes meanwhile (gathering is 0 s on this editor: without the daily mail both went at once).
      await new Promise((resolve) => setTimeout(resolve, 2_000))
      expect(mailsTo('meelezer')).toHaveLength(before)

      const off = await api(daily.server, daily.logins.meelezer, 'PUT', '/api/session/mail', { daily: false })
      expect(off.body).toMatchObject({ daily: false })
      const received = (await waitForMail('meelezer', before + 1)).slice(before)
      expect(received[0]?.subject).toBe('2 nieuwe reacties voor u — Ontwikkelperspectief De Peel')
      expect(received[0]?.text).toContain('> Eerste vraag voor het overzicht.')
      expect(received[0]?.text).toContain('> Tweede vraag voor het overzicht.')
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(mailsTo('meelezer')).toHaveLength(before + 1)
      expect((await api(daily.server, daily.logins.meelezer, 'PUT', '/api/session/mail', { daily: 'ja' })).status).toBe(
        400,
      )
    } finally {
      await daily.stop()
    }
  }, 60_000)
})

describe('a mail server that does not answer', () => {
  it('does not hold up a restart, and its mail goes out after it', async () => {
    // It takes the connection and never greets: nodemailer would wait 30 s for it.
    const silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const address = silent.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    const sockets: Socket[] = []
    silent.on('connection', (socket) => sockets.push(socket))
    const editor = await startServer({ env: env(`smtp://127.0.0.1:${address.port}`) })
    try {
      const cookie = (await loginEveryone(editor)).provincieAuteur
      const reader = (await loginEveryone(editor)).meelezer
      const meelezerId = (await api<{ user: { id: string } }>(editor, reader, 'GET', '/api/session')).body.user.id
      const client = connectClient(editor, DE_PEEL, { cookie })
      await client.synced()
      const first = orderedSections(client.doc)[0]?.id as SectionId
      const opened = await api(editor, cookie, 'POST', path, {
        sectionId: first,
        anchor: anchorOver(firstText(client.doc, first), 0, 5),
        quote: 'tekst',
        body: 'Verstuurd naar een mailserver die niet antwoordt.',
        mentions: [meelezerId],
      })
      expect(opened.status).toBe(201)
      client.destroy()
      await waitFor(() => sockets.length > 0, { message: 'the sender to connect' })
      const stopping = Date.now()
      expect(await editor.stop()).toBe(0)
      expect(Date.now() - stopping).toBeLessThan(10_000)

      const before = mailsTo('meelezer').length
      const again = await startServer({ dataDir: editor.dataDir, env: env(mail.url) })
      try {
        const [received] = (await waitForMail('meelezer', before + 1)).slice(-1)
        expect(received?.text).toContain('Verstuurd naar een mailserver die niet antwoordt.')
      } finally {
        await again.stop()
      }
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => silent.close(() => resolve()))
      editor.cleanup()
    }
  }, 60_000)
})

describe('without a mail server', () => {
  it('offers no e-mail setting and sends nothing', async () => {
    const plain = await startServer()
    try {
      const cookie = (await loginEveryone(plain)).rijkAuteur
      const settings = await api(plain, cookie, 'GET', '/api/session/mail')
      expect(settings.body).toEqual({ available: false, enabled: true, daily: false, dailyAt: null, language: 'nl' })
    } finally {
      await plain.stop()
      plain.cleanup()
    }
  })
})

describe('with NOVEX_MAIL_QUOTES=0', () => {
  it('says who wrote where, with the link, and nothing of what was written', async () => {
    const discreet = await startOtherEditor({ NOVEX_MAIL_QUOTES: '0' })
    try {
      const before = mailsTo('meelezer').length
      const answer = await discreet.mentionReader(
        'provincieAuteur',
        'de vertrouwelijke passage',
        'Het peilbesluit is nog geheim.',
      )
      expect(answer.status).toBe(201)
      const [received] = await waitForMail('meelezer', before + 1).then((all) => all.slice(before))
      expect(received?.text).toMatch(/^.+ \(Provincie .+\) noemt u in een reactie bij ".+" in ".+"\.\n/)
      expect(received?.text).not.toContain('peilbesluit')
      expect(received?.text).not.toContain('vertrouwelijke')
      expect(received?.text).toContain(`${PUBLIC_URL}/document/${DE_PEEL}?reactie=${answer.body.id}`)
    } finally {
      await discreet.stop()
    }
  })
})
