import type { Language, Round } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { reviewRoundMail } from './reviewRoundMail.ts'

const closedMail = (round: Round, carried: number, language: Language = 'nl') =>
  reviewRoundMail(
    {
      kind: 'closed',
      documentId: 'de-peel',
      documentTitle: 'Ontwikkelperspectief De Peel',
      round,
      by: { userId: 'u1', name: 'Carla Bakker (Ministerie van LVVN)' },
      carried,
    },
    'u2',
    new URL('https://novex.example.nl/editor/'),
    language,
  )

describe('e-mail about a closed ijkmoment', () => {
  it('says how many open threads go on into the next round, in Dutch singular and plural', () => {
    expect(closedMail(1, 0).body).toContain('Er stonden geen open reacties meer; IJkmoment 2 begint zonder.')
    expect(closedMail(1, 1).body).toContain('1 open reactie gaat mee naar IJkmoment 2.')
    expect(closedMail(2, 7).body).toContain('7 open reacties gaan mee naar IJkmoment 3.')
  })

  it('says the third was the last, and links to the version history under the public URL', () => {
    const mail = closedMail(3, 4)
    expect(mail.subject).toBe('IJkmoment 3 afgesloten: Ontwikkelperspectief De Peel')
    expect(mail.body).toContain('Dit was het laatste ijkmoment.')
    expect(mail.body).not.toContain('gaan mee')
    expect(mail.body).toContain('https://novex.example.nl/editor/document/de-peel/versies')
  })

  it('names the version stored at the end as the version history does', () => {
    expect(closedMail(3, 4).body).toContain(
      'De versie "Einde IJkmoment 3" en het verslag staan in de versiegeschiedenis:\n',
    )
    expect(closedMail(1, 0, 'en').body).toContain(
      'The version "End of review checkpoint 1" and the report are in the version history:\n',
    )
  })

  it('is written in English for a user of the English interface', () => {
    const mail = closedMail(1, 1, 'en')
    expect(mail.subject).toBe('Review checkpoint 1 closed: Ontwikkelperspectief De Peel')
    expect(mail.body).toContain(
      'Carla Bakker (Ministerie van LVVN) closed Review checkpoint 1 of "Ontwikkelperspectief De Peel".',
    )
    expect(mail.body).toContain('1 open comment goes on into Review checkpoint 2.')
    expect(closedMail(2, 3, 'en').body).toContain('3 open comments go on into Review checkpoint 3.')
  })
})
