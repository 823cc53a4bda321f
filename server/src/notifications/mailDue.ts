// When a mail in the outbox is due. Alone: at once. Of a bundle: after the gathering time, so what else
// comes meanwhile goes with it. A mention or a reply to someone who wants those once a day: at the next
// daily mail (NOVEX_MAIL_DIGEST_AT on the Dutch clock), with every other one about that document.
// Requests to sign and news of sign-off never wait a day: the BO-MIRT does not.
import { COMMENT_KINDS } from './commentMail.ts'
import { nextDigestAt } from './digestTime.ts'
import type { MailConfig } from './mailConfig.ts'
import type { OutgoingMail } from './mailOutbox.ts'

export function mailDueAt(
  mail: OutgoingMail,
  now: number,
  config: Pick<MailConfig, 'gatherMs' | 'digestAt'>,
  wantsDaily: (userId: string) => boolean,
): number {
  if (mail.bundle === undefined) return now
  if (COMMENT_KINDS.has(mail.kind) && wantsDaily(mail.recipientId)) return nextDigestAt(now, config.digestAt)
  return now + config.gatherMs
}

/**
 * Someone changed when they get their comment mail: what waits for them is due at the next daily mail,
 * or (no longer daily) at once, each document's reactions as one mail.
 */
export const commentMailDueAfterChange = (daily: boolean, now: number, config: Pick<MailConfig, 'digestAt'>): number =>
  daily ? nextDigestAt(now, config.digestAt) : now
