// Notification e-mail (notifications/): off unless SMTP_URL is set. Read from the environment by
// config.ts (the only reader of process.env).
import { isLoopback } from '../oidc/oidcConfig.ts'
import { parseTimeOfDay, type TimeOfDay } from './digestTime.ts'

export interface MailConfig {
  /** smtp://user:password@host:587 (STARTTLS when the server offers it) or smtps://…:465. */
  readonly smtpUrl: string
  /** The sender, e.g. "NOVEX-editor <noreply@novex.example.nl>". */
  readonly from: string
  /** Where the editor is reached, for the links in the mail: https://novex.example.nl. */
  readonly publicUrl: URL
  /** The first retry after a failed delivery; each next one waits four times as long (at most 6 h). */
  readonly retryMs: number
  /**
   * How long a mail that may be bundled (a request to sign, a locked section) waits for more of its kind
   * about the same document to the same person, so that signing eight sections makes one mail, not eight.
   */
  readonly gatherMs: number
  /**
   * Whether a mail quotes what people wrote: a comment, the text it is about, the reason to reopen a
   * section (NOVEX_MAIL_QUOTES, on unless 0). Off, the mail says who did what where, and the link shows
   * the rest after logging in: no document text passes through the mail servers.
   */
  readonly quotes: boolean
  /**
   * When the daily mail of reactions goes, on the Dutch clock (NOVEX_MAIL_DIGEST_AT, 08:00 unless set), for
   * users who want their mentions and replies once a day instead of within minutes.
   */
  readonly digestAt: TimeOfDay
}

export function readMailConfig(env: NodeJS.ProcessEnv): MailConfig | null {
  const smtpUrl = env.SMTP_URL?.trim()
  if (!smtpUrl) return null
  let smtp: URL
  try {
    smtp = new URL(smtpUrl)
  } catch {
    throw new Error('SMTP_URL must be a URL such as smtp://user:password@mail.example.nl:587')
  }
  if (smtp.protocol !== 'smtp:' && smtp.protocol !== 'smtps:')
    throw new Error('SMTP_URL must start with smtp:// or smtps://')
  const from = env.MAIL_FROM?.trim()
  if (!from) throw new Error('MAIL_FROM is required when SMTP_URL is set')
  const publicUrlText = env.PUBLIC_URL?.trim()
  if (!publicUrlText)
    throw new Error(
      'PUBLIC_URL (where users reach the editor, for the links in e-mail) is required when SMTP_URL is set',
    )
  let publicUrl: URL
  try {
    publicUrl = new URL(publicUrlText)
  } catch {
    throw new Error(`PUBLIC_URL must be a URL, got "${publicUrlText}"`)
  }
  if (publicUrl.protocol !== 'https:' && !(publicUrl.protocol === 'http:' && isLoopback(publicUrl)))
    throw new Error(`PUBLIC_URL must use https (plain http only on localhost), got "${publicUrlText}"`)
  const retrySeconds = Number(env.NOVEX_MAIL_RETRY_SECONDS ?? '60')
  if (!Number.isInteger(retrySeconds) || retrySeconds < 1)
    throw new Error(`NOVEX_MAIL_RETRY_SECONDS must be a positive integer, got "${env.NOVEX_MAIL_RETRY_SECONDS}"`)
  const gatherSeconds = Number(env.NOVEX_MAIL_GATHER_SECONDS ?? '120')
  if (!Number.isInteger(gatherSeconds) || gatherSeconds < 0)
    throw new Error(
      `NOVEX_MAIL_GATHER_SECONDS must be a whole number of seconds, 0 or more, got "${env.NOVEX_MAIL_GATHER_SECONDS}"`,
    )
  const quotesText = env.NOVEX_MAIL_QUOTES?.trim() ?? '1'
  if (quotesText !== '0' && quotesText !== '1')
    throw new Error(`NOVEX_MAIL_QUOTES must be 1 (quote what people wrote) or 0 (do not), got "${quotesText}"`)
  const digestAt = parseTimeOfDay(env.NOVEX_MAIL_DIGEST_AT ?? '08:00')
  if (digestAt === null)
    throw new Error(
      `NOVEX_MAIL_DIGEST_AT must be a time such as 08:00 (24-hour clock), got "${env.NOVEX_MAIL_DIGEST_AT}"`,
    )
  return {
    smtpUrl,
    from,
    publicUrl,
    retryMs: retrySeconds * 1000,
    gatherMs: gatherSeconds * 1000,
    quotes: quotesText === '1',
    digestAt,
  }
}
