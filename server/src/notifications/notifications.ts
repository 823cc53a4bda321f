// Notification e-mail, who gets it:
// - a stored comment message (onCommentMessage): the mentioned, the thread's earlier writers;
// - a request to sign a section or to reopen a locked one (onSignoffRequested): the signatories whose
//   side has not signed it, or who must confirm the reopening;
// - a section locked by both signatures or reopened (onSectionLocked, onSectionReopened), and a status
//   decision on a perspective (onStatusDecision): the trekkers and signatories;
// - a signature that lapsed because someone else changed the text (onSignaturesLapsed): who signed;
// - an ijkmoment opened or closed (onRoundChanged): everyone who may comment.
// Never the one who acted. The services report what they recorded; the mails go into the outbox at once
// (one composer per kind, in the recipient's language) and the sender delivers them (mailSender.ts),
// comments and sign-off news gathered per document and person first (mailBundles.ts); comments once a
// day for those who asked (mailDue.ts).
// Without a mail server configured nothing is written or sent, and the setting is not offered.
import { type DocumentStatus, type SignSide, type StatusDecision, signSideOf } from '@novex/shared'
import type { Logger } from 'pino'
import type { AccountStore, Membership, User } from '../accounts/accountStore.ts'
import type { CommentEvent, OnCommentMessage } from '../comments/commentService.ts'
import type { Metrics } from '../metrics.ts'
import type { Db } from '../persistence/database.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import { documentScope } from '../policy/access.ts'
import type { RoundChange } from '../review/reviewService.ts'
import { documentProvinces } from '../signoff/signers.ts'
import type { SectionLocked, SectionReopened, SignatureLapsed, SignoffRequest } from '../signoff/signoffService.ts'
import { COMMENT_KINDS, commentMail, recipientsOf, threadLink } from './commentMail.ts'
import { formatTimeOfDay } from './digestTime.ts'
import { combineMails } from './mailBundles.ts'
import type { MailConfig } from './mailConfig.ts'
import { commentMailDueAfterChange, mailDueAt } from './mailDue.ts'
import { mailHtml } from './mailHtml.ts'
import { createMailOutbox, type OutgoingMail, type QueuedMail } from './mailOutbox.ts'
import { type Destination, type MailSender, startMailSender } from './mailSender.ts'
import { createMailSettings, type MailSettings } from './mailSettings.ts'
import { reviewRoundMail } from './reviewRoundMail.ts'
import { sectionLockedMail, sectionLockedPayload } from './sectionLockedMail.ts'
import { sectionReopenedMail } from './sectionReopenedMail.ts'
import { signatureLapsedMail, signatureLapsedPayload } from './signatureLapsedMail.ts'
import { signoffRequestMail } from './signoffMail.ts'
import { statusDecisionMail } from './statusMail.ts'

export interface NotificationsDeps {
  readonly db: Db
  readonly config: MailConfig | null
  readonly catalog: DocumentCatalog
  readonly accounts: AccountStore
  /** Whether the user may read the document (any right). */
  readonly mayRead: (user: User, record: DocumentRecord) => boolean
  readonly logger: Logger
  readonly metrics: Metrics
}

export interface Notifications {
  /** A mail server is configured: e-mail is sent, and users can turn it off. */
  readonly available: boolean
  readonly settings: MailSettings
  /** When the daily mail goes, "08:00" on the Dutch clock; null without a mail server. */
  readonly dailyAt: string | null
  /** Mentions and replies once a day (or no longer): also what waits in the outbox for the user. */
  setDaily(userId: string, daily: boolean): void
  readonly onCommentMessage: OnCommentMessage
  readonly onSignoffRequested: (request: SignoffRequest) => void
  readonly onSectionLocked: (locked: SectionLocked) => void
  readonly onSectionReopened: (reopened: SectionReopened) => void
  readonly onSignaturesLapsed: (lapsed: SignatureLapsed) => void
  readonly onRoundChanged: (change: RoundChange) => void
  readonly onStatusDecision: (documentId: string, decision: StatusDecision, reached: DocumentStatus) => void
  stop(): Promise<void>
}

/** Who hears of sign-off progress and decisions. */
const trekkerOrSignatory = (membership: Membership): boolean => membership.trekker || membership.signatory

export function createNotifications(deps: NotificationsDeps): Notifications {
  const { config, catalog, accounts, logger } = deps
  const settings = createMailSettings(deps.db)
  if (config === null) {
    const none = (): void => {}
    return {
      available: false,
      settings,
      dailyAt: null,
      setDaily: settings.setWantsDaily,
      onCommentMessage: none,
      onSignoffRequested: none,
      onSectionLocked: none,
      onSectionReopened: none,
      onSignaturesLapsed: none,
      onRoundChanged: none,
      onStatusDecision: none,
      stop: async () => {},
    }
  }
  const outbox = createMailOutbox(deps.db)

  /** Who may still get this mail now: an account, the setting on, the document still readable. */
  const destination = (mail: QueuedMail): Destination => {
    const user = accounts.getUser(mail.recipientId)
    if (user === null || user.disabled) return { skip: 'no account' }
    if (!settings.wantsMail(user.id)) return { skip: 'turned off' }
    const record = catalog.get(mail.documentId)
    if (record === null || !deps.mayRead(user, record)) return { skip: 'no access' }
    return { address: user.email }
  }
  const sender: MailSender = startMailSender({
    config,
    outbox,
    destination,
    metrics: deps.metrics,
    combine: (mails) => combineMails(mails, config.publicUrl, settings.languageOf(mails[0]?.recipientId ?? '')),
    html: (subject, body, recipientId) => mailHtml(subject, body, config.publicUrl, settings.languageOf(recipientId)),
    logger,
  })

  /** Writes the mails of one event to the outbox (for those who want them); a failure is only logged. */
  const queue = (what: string, compose: () => readonly OutgoingMail[]): void => {
    try {
      const mails = compose().filter((mail) => settings.wantsMail(mail.recipientId))
      const now = Date.now()
      outbox.add(mails, now, (mail) => mailDueAt(mail, now, config, settings.wantsDaily))
      if (mails.length > 0) sender.wake()
    } catch (failure) {
      // What the mail is about is stored either way; only its e-mail is missing.
      logger.error(
        { error: failure instanceof Error ? failure.message : String(failure) },
        `e-mail about ${what} not queued`,
      )
    }
  }

  /** The members of the document's area or province that `wanted` picks (by membership, side), never `except`. */
  const membersWith = (
    record: DocumentRecord,
    wanted: (membership: Membership, side: SignSide | null) => boolean,
    except: string,
  ): string[] => {
    const scope = documentScope(record)
    if (scope === null) return []
    const provinces = documentProvinces(record)
    return accounts
      .members(scope.scope, scope.scopeId)
      .filter(
        ({ user, membership }) => user.id !== except && wanted(membership, signSideOf(user.organisation, provinces)),
      )
      .map(({ user }) => user.id)
  }

  const onCommentMessage = (event: CommentEvent): void =>
    queue('a comment', () => {
      const record = catalog.get(event.documentId)
      if (record === null) return []
      const link = threadLink(config.publicUrl, event.documentId, event.thread.id)
      return recipientsOf(event).map(({ userId, kind }) =>
        commentMail(event, kind, userId, record.title, link, config.quotes, settings.languageOf(userId)),
      )
    })

  const onSignoffRequested = (request: SignoffRequest): void =>
    queue('a sign-off request', () => {
      const record = catalog.get(request.documentId)
      if (record === null) return []
      // To sign: the sides that have not signed it. To reopen: the other side, which must confirm.
      const done =
        request.kind === 'sign'
          ? new Set(request.state.signatures.map((s) => s.signer.side))
          : new Set([request.by.side])
      const event = { ...request, documentTitle: record.title }
      return membersWith(record, (m, side) => m.signatory && side !== null && !done.has(side), request.by.userId).map(
        (userId) => signoffRequestMail(event, userId, config.publicUrl, config.quotes, settings.languageOf(userId)),
      )
    })

  const onSectionLocked = (locked: SectionLocked): void =>
    queue('a locked section', () => {
      const record = catalog.get(locked.documentId)
      if (record === null) return []
      const payload = sectionLockedPayload(locked, record.title, record.kind)
      return membersWith(record, trekkerOrSignatory, locked.by.userId).map((userId) =>
        sectionLockedMail(payload, userId, config.publicUrl, settings.languageOf(userId)),
      )
    })

  const onSectionReopened = (reopened: SectionReopened): void =>
    queue('a reopened section', () => {
      const record = catalog.get(reopened.documentId)
      if (record === null) return []
      const event = { ...reopened, documentTitle: record.title }
      return membersWith(record, trekkerOrSignatory, reopened.by.userId).map((userId) =>
        sectionReopenedMail(event, userId, config.publicUrl, config.quotes, settings.languageOf(userId)),
      )
    })

  /** To the one who signed: their signature lapsed (never someone else's). */
  const onSignaturesLapsed = (lapsed: SignatureLapsed): void =>
    queue('a lapsed signature', () => {
      const record = catalog.get(lapsed.documentId)
      if (record === null) return []
      const signerId = lapsed.signature.signer.userId
      const payload = signatureLapsedPayload(lapsed, record.title)
      return [signatureLapsedMail(payload, signerId, config.publicUrl, settings.languageOf(signerId))]
    })

  const onRoundChanged = (change: RoundChange): void =>
    queue('an ijkmoment', () => {
      const record = catalog.get(change.documentId)
      if (record === null) return []
      const event = { ...change, documentTitle: record.title }
      return membersWith(record, (m) => m.trekker || m.role !== 'lezer', change.by.userId).map((userId) =>
        reviewRoundMail(event, userId, config.publicUrl, settings.languageOf(userId)),
      )
    })

  const onStatusDecision = (documentId: string, decision: StatusDecision, reached: DocumentStatus): void =>
    queue('a status decision', () => {
      const record = catalog.get(documentId)
      if (record === null) return []
      const event = { documentId, documentTitle: record.title, decision, reached }
      return membersWith(record, trekkerOrSignatory, decision.by.userId).map((userId) =>
        statusDecisionMail(event, userId, config.publicUrl, settings.languageOf(userId)),
      )
    })

  const setDaily = (userId: string, daily: boolean): void => {
    settings.setWantsDaily(userId, daily)
    const moved = outbox.reschedule(userId, COMMENT_KINDS, commentMailDueAfterChange(daily, Date.now(), config))
    if (moved > 0) sender.wake()
  }

  return {
    available: true,
    settings,
    dailyAt: formatTimeOfDay(config.digestAt),
    setDaily,
    onCommentMessage,
    onSignoffRequested,
    onSectionLocked,
    onSectionReopened,
    onSignaturesLapsed,
    onRoundChanged,
    onStatusDecision,
    stop: () => sender.stop(),
  }
}
