// Sends what the outbox holds, through the organisation's mail server (SMTP, nodemailer). One pass at a
// time: soon after a mail is added, and when the next retry is due. The mail server's permanent refusal
// (a 5xx answer: no such mailbox) gives the mail up at once; anything else (the server is down, busy,
// or a 4xx) is retried after the configured delay, four times longer each time and at most 6 h apart,
// for a day; then it is given up and logged. Whether the recipient still wants the mail, still has an
// account and may still read the document is asked right before sending. A mail of a bundle takes every
// later mail of its bundle along, as one mail (`combine`); they are sent, retried or given up together.
// Each mail goes as plain text with an HTML part beside it (`html`), written from the same text.
import nodemailer from 'nodemailer'
import type { Logger } from 'pino'
import type { Metrics } from '../metrics.ts'
import type { MailConfig } from './mailConfig.ts'
import type { MailOutbox, QueuedMail } from './mailOutbox.ts'

/** The address to send to, or why not (the mail is then dropped, not retried). */
export type Destination = { readonly address: string } | { readonly skip: string }

export interface MailSenderDeps {
  readonly config: MailConfig
  readonly outbox: MailOutbox
  readonly destination: (mail: QueuedMail) => Destination
  /** One mail for several of one bundle (oldest first); null: each goes on its own. */
  readonly combine: (mails: readonly QueuedMail[]) => { readonly subject: string; readonly body: string } | null
  /** The HTML part of what is sent to this recipient. */
  readonly html: (subject: string, body: string, recipientId: string) => string
  readonly logger: Logger
  readonly metrics: Metrics
}

export interface MailSender {
  /** A mail was added: send soon. */
  wake(): void
  /**
   * Stops sending. A send under way gets STOP_WAIT_MS to finish (a mail server that does not answer must
   * not hold up a restart for its 30 s timeout); if it has not, its mail stays in the outbox as unsent
   * and goes out after the next start (perhaps twice, never not at all).
   */
  stop(): Promise<void>
}

const BATCH = 20
/** Soon after a comment, so several mails of one moment go out in one pass. */
const WAKE_DELAY_MS = 200
const MAX_DELAY_MS = 6 * 60 * 60 * 1000
const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000
/** Sent and given-up mails are kept this long, to look back on. */
const KEEP_MS = 30 * 24 * 60 * 60 * 1000
const TIMEOUT_MS = 30_000
const STOP_WAIT_MS = 2_000

/** A refusal the mail server means for good (RFC 5321: 5yz). */
function isPermanent(failure: unknown): boolean {
  const code = (failure as { responseCode?: unknown } | null)?.responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

const describe = (failure: unknown): string => (failure instanceof Error ? failure.message : String(failure))

export function startMailSender(deps: MailSenderDeps): MailSender {
  const { config, outbox, logger, metrics } = deps
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  })
  let timer: NodeJS.Timeout | null = null
  /** When the timer fires. */
  let timerAt = 0
  let running: Promise<void> | null = null
  let stopped = false

  const retryDelay = (attempts: number): number => Math.min(MAX_DELAY_MS, config.retryMs * 4 ** attempts)

  /** The mail, or the mail with the rest of its bundle as one; what is sent, and the rows it settles. */
  const gather = (mail: QueuedMail): { rows: QueuedMail[]; subject: string; body: string } => {
    const rows = outbox.bundleOf(mail)
    const combined = rows.length > 1 ? deps.combine(rows) : null
    return combined === null ? { rows: [mail], subject: mail.subject, body: mail.body } : { rows, ...combined }
  }

  /** Sends the mail (with its bundle); returns the ids it settled. */
  const sendOne = async (mail: QueuedMail): Promise<number[]> => {
    const now = Date.now()
    const to = deps.destination(mail)
    if ('skip' in to) {
      outbox.giveUp([mail.id], to.skip, now)
      return [mail.id]
    }
    const { rows, subject, body } = gather(mail)
    const ids = rows.map((row) => row.id)
    try {
      await transport.sendMail({
        from: config.from,
        to: to.address,
        subject,
        text: body,
        html: deps.html(subject, body, mail.recipientId),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      })
    } catch (failure) {
      // Stopped meanwhile (the transport is closed): the mail stays unsent, for after the next start.
      if (!stopped) failed(mail, ids, failure)
      return ids
    }
    try {
      outbox.sent(ids, Date.now())
      metrics.mailsSent++
    } catch (error) {
      // After a stop the database may be closed already: the mail then goes out once more after the start.
      if (!stopped) throw error
    }
    return ids
  }

  /** Retries or gives up the rows sent as `mail` (its attempts and age decide). */
  const failed = (mail: QueuedMail, ids: readonly number[], failure: unknown): void => {
    const error = describe(failure)
    const at = Date.now()
    if (isPermanent(failure) || at + retryDelay(mail.attempts) - mail.createdAt > GIVE_UP_AFTER_MS) {
      outbox.giveUp(ids, error, at)
      metrics.mailsGivenUp++
      logger.error({ mail: mail.id, mails: ids.length, recipient: mail.recipientId, error }, 'e-mail given up')
    } else {
      outbox.retryLater(ids, error, at + retryDelay(mail.attempts))
      metrics.mailsRetried++
      logger.warn({ mail: mail.id, attempts: mail.attempts + 1, error }, 'e-mail not delivered; retried later')
    }
  }

  const pass = async (): Promise<void> => {
    for (;;) {
      if (stopped) return
      const due = outbox.due(Date.now(), BATCH)
      if (due.length === 0) break
      // A mail that went with an earlier one's bundle is settled already.
      const settled = new Set<number>()
      for (const mail of due) {
        if (stopped) return
        if (settled.has(mail.id)) continue
        for (const id of await sendOne(mail)) settled.add(id)
      }
    }
    outbox.prune(Date.now() - KEEP_MS)
    metrics.mailsWaiting = outbox.waiting()
  }

  /** Runs a pass after `delay`, unless one is set to run sooner. */
  const schedule = (delay: number): void => {
    const at = Date.now() + Math.max(0, delay)
    if (stopped || (timer !== null && timerAt <= at)) return
    if (timer !== null) clearTimeout(timer)
    timerAt = at
    timer = setTimeout(run, Math.max(0, delay))
    timer.unref()
  }

  function run(): void {
    timer = null
    if (running !== null) return
    running = pass()
      .catch((failure: unknown) => logger.error({ error: describe(failure) }, 'sending e-mail failed'))
      .finally(() => {
        running = null
        // After a stop the database may be closed: nothing more is scheduled.
        if (stopped) return
        const next = outbox.nextDue()
        if (next !== null) schedule(next - Date.now())
      })
  }

  // What waited when the server stopped is due now.
  metrics.mailsWaiting = outbox.waiting()
  schedule(0)
  return {
    // A pass under way takes new mails too: it asks for due mails until none is left.
    wake: () => {
      metrics.mailsWaiting = outbox.waiting()
      schedule(WAKE_DELAY_MS)
    },
    stop: async () => {
      stopped = true
      if (timer !== null) clearTimeout(timer)
      let waited: NodeJS.Timeout | undefined
      await Promise.race([running, new Promise<void>((resolve) => (waited = setTimeout(resolve, STOP_WAIT_MS)))])
      clearTimeout(waited)
      transport.close()
    },
  }
}
