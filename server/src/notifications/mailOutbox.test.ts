import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Db, openDatabase } from '../persistence/database.ts'
import { mailDueAt } from './mailDue.ts'
import { createMailOutbox, type MailKind, type MailOutbox, type OutgoingMail } from './mailOutbox.ts'

let dir: string
let db: Db
let outbox: MailOutbox

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'novex-outbox-'))
  db = openDatabase(dir)
  outbox = createMailOutbox(db)
})

afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const mail = (
  recipientId: string,
  subject: string,
  bundleKey?: string,
  kind: MailKind = 'section-locked',
): OutgoingMail => ({
  recipientId,
  kind,
  documentId: 'de-peel',
  subject,
  body: subject,
  ...(bundleKey !== undefined ? { bundle: { key: bundleKey, payload: `{"s":"${subject}"}` } } : {}),
})

/** Due as the server has it, for someone who does not want comment mail once a day. */
const gathered =
  (now: number, gatherMs: number) =>
  (m: OutgoingMail): number =>
    mailDueAt(m, now, { gatherMs, digestAt: { hour: 8, minute: 0 } }, () => false)

describe('the mail outbox', () => {
  it('holds a mail of a bundle for the gathering time; others are due at once', () => {
    outbox.add([mail('anna', 'los'), mail('anna', 'a', 'k')], 1_000, gathered(1_000, 120_000))
    expect(outbox.due(1_000, 10).map((m) => m.subject)).toEqual(['los'])
    expect(outbox.due(121_000, 10).map((m) => m.subject)).toEqual(['los', 'a'])
    expect(outbox.nextDue()).toBe(1_000)
  })

  it("gives a mail its bundle's later unsent mails to the same person, and only those", () => {
    outbox.add([mail('anna', 'a', 'k'), mail('bert', 'b', 'k')], 1_000, gathered(1_000, 60_000))
    outbox.add([mail('anna', 'c', 'k'), mail('anna', 'd', 'other')], 2_000, gathered(2_000, 60_000))
    outbox.add([mail('anna', 'e', 'k')], 3_000, gathered(3_000, 60_000))
    const [first] = outbox.due(61_000, 1)
    if (first === undefined) throw new Error('nothing due')
    const bundle = outbox.bundleOf(first)
    expect(bundle.map((m) => m.subject)).toEqual(['a', 'c', 'e'])
    expect(bundle[1]?.bundle).toEqual({ key: 'k', payload: '{"s":"c"}' })
    outbox.sent(
      bundle.map((m) => m.id),
      61_000,
    )
    // Sent mails are not bundled again; the only mail of its bundle goes alone.
    expect(outbox.due(70_000, 10).map((m) => m.subject)).toEqual(['b', 'd'])
    const loose = outbox.due(70_000, 10).find((m) => m.subject === 'd')
    if (loose === undefined) throw new Error('d not due')
    expect(outbox.bundleOf(loose).map((m) => m.subject)).toEqual(['d'])
  })

  it('moves the unsent mails of some kinds of one person to another time, and no others', () => {
    outbox.add(
      [
        mail('anna', 'genoemd', 'comments:de-peel', 'mention'),
        mail('anna', 'antwoord', 'comments:de-peel', 'reply'),
        mail('anna', 'vergrendeld', 'k'),
        mail('bert', 'ook genoemd', 'comments:de-peel', 'mention'),
      ],
      1_000,
      gathered(1_000, 60_000),
    )
    expect(outbox.reschedule('anna', new Set<MailKind>(['mention', 'reply']), 500_000)).toBe(2)
    expect(outbox.due(61_000, 10).map((m) => m.subject)).toEqual(['vergrendeld', 'ook genoemd'])
    expect(outbox.due(500_000, 10).map((m) => m.subject)).toEqual(['vergrendeld', 'ook genoemd', 'genoemd', 'antwoord'])
    // A sent mail stays where it was sent.
    const [sent] = outbox.due(61_000, 1)
    if (sent === undefined) throw new Error('nothing due')
    outbox.sent([sent.id], 61_000)
    expect(outbox.reschedule('anna', new Set<MailKind>(['section-locked']), 900_000)).toBe(0)
  })
})
