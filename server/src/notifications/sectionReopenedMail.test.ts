import { describe, expect, it } from 'vitest'
import { sectionReopenedMail } from './sectionReopenedMail.ts'

const mailFor = (quotes: boolean, language: 'nl' | 'en') =>
  sectionReopenedMail(
    {
      documentId: 'de-peel',
      documentTitle: 'Ontwikkelperspectief De Peel',
      sectionId: 's1',
      sectionTitle: 'Partners',
      by: {
        userId: 'u1',
        name: 'Daan de Vries',
        organisationId: 'nb',
        organisationName: 'Provincie Noord-Brabant',
        side: 'provincie',
      },
      reason: 'De stikstofcijfers zijn herzien.',
    },
    'u2',
    new URL('https://novex.example.nl'),
    quotes,
    language,
  )

describe('e-mail about a reopened section', () => {
  it('says who confirmed, why, and that both must sign again', () => {
    const mail = mailFor(true, 'nl')
    expect(mail.subject).toBe('Onderdeel heropend: Partners — Ontwikkelperspectief De Peel')
    expect(mail.body).toContain('Reden: De stikstofcijfers zijn herzien.')
    expect(mail.body).toContain('Daarna moeten beide partijen het onderdeel opnieuw ondertekenen.')
  })

  it('leaves the reason to the editor when mail may not quote, and speaks English to who reads English', () => {
    expect(mailFor(false, 'nl').body).not.toContain('stikstof')
    const en = mailFor(true, 'en')
    expect(en.subject).toBe('Section reopened: Partners — Ontwikkelperspectief De Peel')
    expect(en.body).toContain('Daan de Vries (Provincie Noord-Brabant) confirmed that the signed section "Partners"')
  })
})
