// One mail for several of one bundle (mailOutbox.ts): the payloads the outbox kept, written as one by
// the kind's own composer, in the recipient's language. Only the outbox's own rows come here; a payload
// that does not read lets each mail go on its own.
import type { Language } from '@novex/shared'
import { COMMENT_KINDS, type CommentMailPayload, commentsMail } from './commentMail.ts'
import type { QueuedMail } from './mailOutbox.ts'
import { type SectionLockedPayload, sectionsLockedMail } from './sectionLockedMail.ts'
import { type SignatureLapsedPayload, signaturesLapsedMail } from './signatureLapsedMail.ts'
import { type SignRequestPayload, signRequestsMail } from './signoffMail.ts'

function payloadsOf<T>(mails: readonly QueuedMail[]): T[] | null {
  try {
    return mails.map((mail) => JSON.parse(mail.bundle?.payload ?? '') as T)
  } catch {
    return null
  }
}

export function combineMails(
  mails: readonly QueuedMail[],
  publicUrl: URL,
  language: Language,
): { readonly subject: string; readonly body: string } | null {
  const kind = mails[0]?.kind
  if (kind === undefined) return null
  if (mails.every((mail) => COMMENT_KINDS.has(mail.kind))) {
    const payloads = payloadsOf<CommentMailPayload>(mails)
    return payloads === null ? null : commentsMail(payloads, publicUrl, language)
  }
  if (mails.some((mail) => mail.kind !== kind)) return null
  if (kind === 'section-locked') {
    const payloads = payloadsOf<SectionLockedPayload>(mails)
    return payloads === null ? null : sectionsLockedMail(payloads, publicUrl, language)
  }
  if (kind === 'signoff-request') {
    const payloads = payloadsOf<SignRequestPayload>(mails)
    return payloads === null ? null : signRequestsMail(payloads, publicUrl, language)
  }
  if (kind === 'signature-lapsed') {
    const payloads = payloadsOf<SignatureLapsedPayload>(mails)
    return payloads === null ? null : signaturesLapsedMail(payloads, publicUrl, language)
  }
  return null
}
