import { describe, expect, it } from 'vitest'
import { commentMailDueAfterChange, mailDueAt } from './mailDue.ts'
import type { MailKind, OutgoingMail } from './mailOutbox.ts'

const config = { gatherMs: 120_000, digestAt: { hour: 8, minute: 0 } }
// 1 December 2026, 14:00 in the Netherlands; the next daily mail is 2 December 08:00 (07:00 UTC).
const NOW = Date.UTC(2026, 11, 1, 13, 0)
const TOMORROW_EIGHT = Date.UTC(2026, 11, 2, 7, 0)

const mail = (kind: MailKind, bundled = true): OutgoingMail => ({
  recipientId: 'anna',
  kind,
  documentId: 'de-peel',
  subject: kind,
  body: kind,
  ...(bundled ? { bundle: { key: `k:${kind}`, payload: '{}' } } : {}),
})

describe('when a mail is due', () => {
  it('is at once alone, after the gathering time in a bundle', () => {
    expect(mailDueAt(mail('review-round', false), NOW, config, () => false)).toBe(NOW)
    expect(mailDueAt(mail('mention'), NOW, config, () => false)).toBe(NOW + 120_000)
  })

  it('is the next daily mail for the mentions and replies of someone who wants them once a day', () => {
    const daily = (userId: string): boolean => userId === 'anna'
    expect(mailDueAt(mail('mention'), NOW, config, daily)).toBe(TOMORROW_EIGHT)
    expect(mailDueAt(mail('reply'), NOW, config, daily)).toBe(TOMORROW_EIGHT)
    // Sign-off never waits a day.
    expect(mailDueAt(mail('signoff-request'), NOW, config, daily)).toBe(NOW + 120_000)
    expect(mailDueAt(mail('section-locked'), NOW, config, daily)).toBe(NOW + 120_000)
  })

  it('is the next daily mail or now, for what waits when the setting changes', () => {
    expect(commentMailDueAfterChange(true, NOW, config)).toBe(TOMORROW_EIGHT)
    expect(commentMailDueAfterChange(false, NOW, config)).toBe(NOW)
  })
})
