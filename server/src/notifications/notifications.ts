// E-mail about comments: the comment service reports each stored message (onCommentMessage), the mails
// it gives rise to go into the outbox at once (commentMail.ts), and the sender delivers them
// (mailSender.ts). Without a mail server configured nothing is written or sent, and the setting is
// not offered.
import type { Logger } from 'pino'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import type { CommentEvent, OnCommentMessage } from '../comments/commentService.ts'
import type { Db } from '../persistence/database.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import { commentMail, recipientsOf, threadLink } from './commentMail.ts'
import type { MailConfig } from './mailConfig.ts'
import { createMailOutbox, type QueuedMail } from './mailOutbox.ts'
import { type Destination, type MailSender, startMailSender } from './mailSender.ts'
import { createMailSettings, type MailSettings } from './mailSettings.ts'

export interface NotificationsDeps {
  readonly db: Db
  readonly config: MailConfig | null
  readonly catalog: DocumentCatalog
  readonly accounts: AccountStore
  /** Whether the user may read the document (any right). */
  readonly mayRead: (user: User, record: DocumentRecord) => boolean
  readonly logger: Logger
}

export interface Notifications {
  /** A mail server is configured: e-mail is sent, and users can turn it off. */
  readonly available: boolean
  readonly settings: MailSettings
  readonly onCommentMessage: OnCommentMessage
  stop(): Promise<void>
}

export function createNotifications(deps: NotificationsDeps): Notifications {
  const { config, catalog, accounts, logger } = deps
  const settings = createMailSettings(deps.db)
  if (config === null) {
    return { available: false, settings, onCommentMessage: () => {}, stop: async () => {} }
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
  const sender: MailSender = startMailSender({ config, outbox, destination, logger })

  const onCommentMessage = (event: CommentEvent): void => {
    try {
      const record = catalog.get(event.documentId)
      if (record === null) return
      const link = threadLink(config.publicUrl, event.documentId, event.thread.id)
      const mails = recipientsOf(event)
        .filter(({ userId }) => settings.wantsMail(userId))
        .map(({ userId, kind }) => commentMail(event, kind, userId, record.title, link))
      outbox.add(mails, Date.now())
      if (mails.length > 0) sender.wake()
    } catch (failure) {
      // The comment is stored either way; only its e-mail is missing.
      logger.error(
        { error: failure instanceof Error ? failure.message : String(failure) },
        'e-mail about a comment not queued',
      )
    }
  }

  return { available: true, settings, onCommentMessage, stop: () => sender.stop() }
}
