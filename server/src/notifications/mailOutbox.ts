// The outbox of notification e-mail (migrations v14, v15): a mail is written here right after the event
// it is about, and stays until the mail server accepted it or it was given up. So a mail server that is
// down, or a restart, loses nothing: what is still due is sent when it can be. A mail of a bundle (e.g.
// the comments on one document, or the requests to sign its sections, to one person) waits before it is
// due (mailDue.ts); when it goes, every later mail of its bundle goes with it, as one.
import type { Db } from '../persistence/database.ts'

/** Why someone gets the mail. */
export type MailKind =
  | 'mention'
  | 'reply'
  | 'signoff-request'
  | 'section-locked'
  | 'section-reopened'
  | 'signature-lapsed'
  | 'review-round'
  | 'status'

export interface OutgoingMail {
  readonly recipientId: string
  readonly kind: MailKind
  readonly documentId: string
  readonly subject: string
  /** The whole mail, as sent when it goes alone. */
  readonly body: string
  /** Set when mails like this one may go as one: the bundle, and what this one is about (JSON). */
  readonly bundle?: { readonly key: string; readonly payload: string }
}

export interface QueuedMail extends OutgoingMail {
  readonly id: number
  readonly createdAt: number
  /** Delivery attempts made so far. */
  readonly attempts: number
}

export interface MailOutbox {
  /** Written at `now`, each due when `dueAt` says. */
  add(mails: readonly OutgoingMail[], now: number, dueAt: (mail: OutgoingMail) => number): void
  /** The recipient's unsent mails of these kinds are due at `at` instead; returns how many. */
  reschedule(recipientId: string, kinds: ReadonlySet<MailKind>, at: number): number
  /** Mails due at `now`, oldest first. */
  due(now: number, limit: number): QueuedMail[]
  /** The mail and every later unsent mail of its bundle to the same person, oldest first. */
  bundleOf(mail: QueuedMail): QueuedMail[]
  /** Mails not sent and not given up. */
  waiting(): number
  /** The earliest time a waiting mail is due; null when none waits. */
  nextDue(): number | null
  /** Each settles the mails sent as one (a bundle) in one transaction. */
  sent(ids: readonly number[], now: number): void
  retryLater(ids: readonly number[], error: string, at: number): void
  giveUp(ids: readonly number[], error: string, now: number): void
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
  bundle_key: string | null
  payload: string | null
}

/** Long enough to read back; an error message is not a log. */
const ERROR_CHARS = 500

export function createMailOutbox(db: Db): MailOutbox {
  const insert = db.prepare(
    `INSERT INTO mail_outbox
       (recipient_id, kind, document_id, subject, body, created_at, next_at, bundle_key, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const addAll = db.transaction((mails: readonly OutgoingMail[], now: number, due: (mail: OutgoingMail) => number) => {
    for (const m of mails) {
      insert.run(
        m.recipientId,
        m.kind,
        m.documentId,
        m.subject,
        m.body,
        now,
        due(m),
        m.bundle?.key ?? null,
        m.bundle?.payload ?? null,
      )
    }
  })
  const columns = 'id, recipient_id, kind, document_id, subject, body, created_at, attempts, bundle_key, payload'
  const dueRows = db.prepare(
    `SELECT ${columns} FROM mail_outbox
     WHERE sent_at IS NULL AND given_up_at IS NULL AND next_at <= ? ORDER BY next_at, id LIMIT ?`,
  )
  const bundleRows = db.prepare(
    `SELECT ${columns} FROM mail_outbox
     WHERE recipient_id = ? AND bundle_key = ? AND id >= ? AND sent_at IS NULL AND given_up_at IS NULL ORDER BY id`,
  )
  const waitingRow = db.prepare('SELECT COUNT(*) AS n FROM mail_outbox WHERE sent_at IS NULL AND given_up_at IS NULL')
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
  /** One commit (one wait for the disk) for the rows of a bundle. */
  const markAll = db.transaction((mark: (id: number) => void, ids: readonly number[]) => {
    for (const id of ids) mark(id)
  })
  const rescheduleRow = db.prepare(
    `UPDATE mail_outbox SET next_at = ?
     WHERE recipient_id = ? AND kind = ? AND sent_at IS NULL AND given_up_at IS NULL`,
  )
  const rescheduleAll = db.transaction((recipientId: string, kinds: ReadonlySet<MailKind>, at: number) => {
    let changed = 0
    for (const kind of kinds) changed += rescheduleRow.run(at, recipientId, kind).changes
    return changed
  })
  const pruneRows = db.prepare('DELETE FROM mail_outbox WHERE COALESCE(sent_at, given_up_at) < ?')
  const queued = (r: Row): QueuedMail => ({
    id: r.id,
    recipientId: r.recipient_id,
    kind: r.kind,
    documentId: r.document_id,
    subject: r.subject,
    body: r.body,
    createdAt: r.created_at,
    attempts: r.attempts,
    ...(r.bundle_key !== null ? { bundle: { key: r.bundle_key, payload: r.payload ?? '' } } : {}),
  })
  return {
    add: (mails, now, dueAt) => {
      if (mails.length > 0) addAll(mails, now, dueAt)
    },
    reschedule: (recipientId, kinds, at) => rescheduleAll(recipientId, kinds, at),
    due: (now, limit) => (dueRows.all(now, limit) as Row[]).map(queued),
    bundleOf: (mail) =>
      mail.bundle ? (bundleRows.all(mail.recipientId, mail.bundle.key, mail.id) as Row[]).map(queued) : [mail],
    waiting: () => (waitingRow.get() as { n: number }).n,
    nextDue: () => (nextDueRow.get() as { at: number | null }).at,
    sent: (ids, now) => {
      markAll((id) => markSent.run(now, id), ids)
    },
    retryLater: (ids, error, at) => {
      markAll((id) => markRetry.run(at, error.slice(0, ERROR_CHARS), id), ids)
    },
    giveUp: (ids, error, now) => {
      markAll((id) => markGivenUp.run(now, error.slice(0, ERROR_CHARS), id), ids)
    },
    prune: (before) => pruneRows.run(before).changes,
  }
}
