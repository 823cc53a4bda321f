// The outbox of notification e-mail (migration v14): a mail is written here right after the event
// it is about, and stays until the mail server accepted it or it was given up. So a mail server that is
// down, or a restart, loses nothing: what is still due is sent when it can be.
import type { Db } from '../persistence/database.ts'

/** Why someone gets the mail. */
export type MailKind = 'mention' | 'reply' | 'signoff-request' | 'section-locked' | 'review-round' | 'status'

export interface OutgoingMail {
  readonly recipientId: string
  readonly kind: MailKind
  readonly documentId: string
  readonly subject: string
  readonly body: string
}

export interface QueuedMail extends OutgoingMail {
  readonly id: number
  readonly createdAt: number
  /** Delivery attempts made so far. */
  readonly attempts: number
}

export interface MailOutbox {
  add(mails: readonly OutgoingMail[], now: number): void
  /** Mails due at `now`, oldest first. */
  due(now: number, limit: number): QueuedMail[]
  /** The earliest time a waiting mail is due; null when none waits. */
  nextDue(): number | null
  sent(id: number, now: number): void
  retryLater(id: number, error: string, at: number): void
  giveUp(id: number, error: string, now: number): void
  /** Drops mails sent or given up before `before`; returns how many. */
  prune(before: number): number
}

interface Row {
  id: number
  recipient_id: string
  kind: MailKind
  document_id: string
  subject: string
  body: string
  created_at: number
  attempts: number
}

/** Long enough to read back; an error message is not a log. */
const ERROR_CHARS = 500

export function createMailOutbox(db: Db): MailOutbox {
  const insert = db.prepare(
    `INSERT INTO mail_outbox (recipient_id, kind, document_id, subject, body, created_at, next_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const addAll = db.transaction((mails: readonly OutgoingMail[], now: number) => {
    for (const m of mails) insert.run(m.recipientId, m.kind, m.documentId, m.subject, m.body, now, now)
  })
  const dueRows = db.prepare(
    `SELECT id, recipient_id, kind, document_id, subject, body, created_at, attempts FROM mail_outbox
     WHERE sent_at IS NULL AND given_up_at IS NULL AND next_at <= ? ORDER BY next_at, id LIMIT ?`,
  )
  const nextDueRow = db.prepare(
    'SELECT MIN(next_at) AS at FROM mail_outbox WHERE sent_at IS NULL AND given_up_at IS NULL',
  )
  const markSent = db.prepare(
    'UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?',
  )
  const markRetry = db.prepare(
    'UPDATE mail_outbox SET next_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?',
  )
  const markGivenUp = db.prepare(
    'UPDATE mail_outbox SET given_up_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?',
  )
  const pruneRows = db.prepare('DELETE FROM mail_outbox WHERE COALESCE(sent_at, given_up_at) < ?')
  return {
    add: (mails, now) => {
      if (mails.length > 0) addAll(mails, now)
    },
    due: (now, limit) =>
      (dueRows.all(now, limit) as Row[]).map((r) => ({
        id: r.id,
        recipientId: r.recipient_id,
        kind: r.kind,
        documentId: r.document_id,
        subject: r.subject,
        body: r.body,
        createdAt: r.created_at,
        attempts: r.attempts,
      })),
    nextDue: () => (nextDueRow.get() as { at: number | null }).at,
    sent: (id, now) => {
      markSent.run(now, id)
    },
    retryLater: (id, error, at) => {
      markRetry.run(at, error.slice(0, ERROR_CHARS), id)
    },
    giveUp: (id, error, now) => {
      markGivenUp.run(now, error.slice(0, ERROR_CHARS), id)
    },
    prune: (before) => pruneRows.run(before).changes,
  }
}
