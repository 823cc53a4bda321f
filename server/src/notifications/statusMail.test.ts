import type { Language, StatusDecision } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { statusDecisionMail } from './statusMail.ts'

const decision = (kind: StatusDecision['kind'], note: string, date: string | null = null): StatusDecision => ({
  kind,
  at: 1,
  by: { userId: 'u1', name: 'Carla Bakker', organisationName: 'Ministerie van LVVN', side: 'rijk' },
  date,
  note,
})

const mailFor = (
  d: StatusDecision,
  reached: Parameters<typeof statusDecisionMail>[0]['reached'],
  language: Language = 'nl',
) =>
  statusDecisionMail(
    { documentId: 'de peel', documentTitle: 'Ontwikkelperspectief De Peel', decision: d, reached },
    'u2',
    new URL('https://novex.example.nl/editor'),
    language,
  )

describe('e-mail about a status decision', () => {
  it('says a withdrawal with its reason, and that the text can change again', () => {
    const mail = mailFor(decision('withdrawn', 'De Kamer vraagt om een kaart.'), 'ijkmoment-3')
    expect(mail.subject).toBe('Aanbieding ingetrokken: Ontwikkelperspectief De Peel')
    expect(mail.body).toContain(
      'Carla Bakker (Ministerie van LVVN) heeft de aanbieding van "Ontwikkelperspectief De Peel" ingetrokken. Reden: De Kamer vraagt om een kaart. De tekst kan weer worden gewijzigd.',
    )
    expect(mail.body).toContain('De status is nu: IJkmoment 3.')
    expect(mail.body).toContain('https://novex.example.nl/editor/document/de%20peel/gereed')
  })

  it('says an adoption with its day as dd-mm-jjjj and the decision', () => {
    const mail = mailFor(decision('adopted', 'Ministerraad', '2026-12-04'), 'vastgesteld')
    expect(mail.subject).toBe('Vaststelling door het Rijk vastgelegd: Ontwikkelperspectief De Peel')
    expect(mail.body).toContain(
      'dat het Rijk "Ontwikkelperspectief De Peel" op 04-12-2026 heeft vastgesteld (Ministerraad).',
    )
    expect(mail.body).toContain('De status is nu: Vastgesteld.')
    expect(mail.kind).toBe('status')
  })

  it('is written in English for a user of the English interface', () => {
    const mail = mailFor(decision('consented', 'BO-MIRT najaar 2026', '2026-11-20'), 'onderschreven', 'en')
    expect(mail.subject).toBe('Consent of central government recorded: Ontwikkelperspectief De Peel')
    expect(mail.body).toContain(
      'Carla Bakker (Ministerie van LVVN) recorded that central government consented to "Ontwikkelperspectief De Peel" on 20-11-2026 (BO-MIRT najaar 2026).',
    )
    expect(mail.body).toContain('The status is now: Endorsed by central government and region.')
    expect(mail.body).toContain('No more e-mail? Turn off "Notifications by e-mail"')
  })
})
