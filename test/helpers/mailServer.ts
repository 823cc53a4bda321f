// A real SMTP server for tests (smtp-server, the counterpart of the nodemailer the editor sends with):
// it takes every mail on 127.0.0.1, parses it (mailparser) and keeps it. It can stop and start again on
// the same port (a mail server that is down for a while), and refuse chosen mailboxes for good (550).
import { createServer, type Server } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  readonly to: readonly string[]
  readonly from: string
  readonly subject: string
  readonly text: string
  /** The HTML part; null when the mail has none. */
  readonly html: string | null
  readonly autoSubmitted: string | null
}

export interface MailServer {
  readonly port: number
  readonly url: string
  /** Every mail taken, in order. */
  readonly received: ReceivedMail[]
  /** RCPT TO attempts per address, refused ones included. */
  readonly attempts: Map<string, number>
  /** From now on RCPT TO this address is refused with 550 (no such mailbox). */
  refuse(address: string): void
  stop(): Promise<void>
  /** Listens again on the same port. */
  start(): Promise<void>
}

async function freePort(): Promise<number> {
  const probe: Server = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

export async function startMailServer(): Promise<MailServer> {
  const port = await freePort()
  const received: ReceivedMail[] = []
  const attempts = new Map<string, number>()
  const refused = new Set<string>()
  let server: SMTPServer | null = null

  const start = async (): Promise<void> => {
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const to = address.address.toLowerCase()
        attempts.set(to, (attempts.get(to) ?? 0) + 1)
        if (refused.has(to)) {
          const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 })
          callback(error)
          return
        }
        callback()
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            const autoSubmitted = mail.headers.get('auto-submitted')
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : null,
              autoSubmitted: typeof autoSubmitted === 'string' ? autoSubmitted : null,
            })
            callback()
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))))
      },
    })
    await new Promise<void>((resolve, reject) => {
      smtp.once('error', reject)
      smtp.listen(port, '127.0.0.1', () => resolve())
    })
    server = smtp
  }

  await start()
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts,
    refuse: (address) => {
      refused.add(address.toLowerCase())
    },
    stop: async () => {
      const smtp = server
      server = null
      if (smtp !== null) await new Promise<void>((resolve) => smtp.close(() => resolve()))
    },
    start,
  }
}
