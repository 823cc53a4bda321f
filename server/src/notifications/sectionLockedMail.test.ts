import { type Actor, COMPONENTS, type Language, type Readiness, type SignSide } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { sectionLockedMail, sectionLockedPayload, sectionsLockedMail } from './sectionLockedMail.ts'

const signer = (side: SignSide, name: string, organisationName: string): Actor & { side: SignSide } => ({
  userId: name,
  name,
  organisationId: organisationName,
  organisationName,
  side,
})

const readinessWith = (locked: number): Readiness => ({
  ready: locked === 8,
  components: COMPONENTS.map(({ key }, i) => ({
    component: key,
    label: `Onderdeel ${i}`,
    sectionId: `s${i}`,
    present: true,
    nonEmpty: true,
    signedRijk: i < locked,
    signedProvincie: i < locked,
    locked: i < locked,
    openThreads: 0,
    openThreadId: null,
  })),
})

const payloadFor = (
  documentKind: 'ontwikkelperspectief' | 'ruimtelijk-voorstel',
  locked: number,
  sectionTitle = 'De hoofdopgave',
) => {
  const rijk = signer('rijk', 'Carla Bakker', 'Ministerie van LVVN')
  const regio = signer('provincie', 'Daan de Vries', 'Provincie Noord-Brabant')
  return sectionLockedPayload(
    {
      documentId: 'de-peel',
      sectionId: 's1',
      sectionTitle,
      by: regio,
      state: {
        signatures: [
          { signer: rijk, hash: 'h', at: Date.UTC(2026, 10, 30, 23, 30) },
          { signer: regio, hash: 'h', at: Date.UTC(2026, 11, 1, 9) },
        ],
        locked: { hash: 'h', at: Date.UTC(2026, 11, 1, 9) },
        lapsed: [],
        reopenRequest: null,
        requested: null,
      },
      readiness: readinessWith(locked),
    },
    'Ontwikkelperspectief De Peel',
    documentKind,
  )
}

const publicUrl = new URL('https://novex.example.nl')
const mailFor = (
  documentKind: 'ontwikkelperspectief' | 'ruimtelijk-voorstel',
  locked: number,
  language: Language = 'nl',
) => sectionLockedMail(payloadFor(documentKind, locked), 'u2', publicUrl, language)

describe('e-mail about a section both sides signed', () => {
  it('names who signed for which side and on which day (in Amsterdam), and the progress', () => {
    const mail = mailFor('ontwikkelperspectief', 3)
    expect(mail.subject).toBe('Onderdeel ondertekend: De hoofdopgave — Ontwikkelperspectief De Peel')
    // 23:30 UTC on 30 November is 1 December in Amsterdam.
    expect(mail.body).toContain('- Carla Bakker (Ministerie van LVVN) voor het Rijk, op 01-12-2026')
    expect(mail.body).toContain('- Daan de Vries (Provincie Noord-Brabant) voor de regio, op 01-12-2026')
    expect(mail.body).toContain('Van de 8 verplichte onderdelen zijn er nu 3 ondertekend.')
    expect(mail.body).toContain('https://novex.example.nl/document/de-peel/gereed')
  })

  it('says when all eight are locked that the perspective is ready for the BO-MIRT', () => {
    expect(mailFor('ontwikkelperspectief', 8).body).toContain(
      'Alle 8 verplichte onderdelen zijn nu ondertekend: het ontwikkelperspectief is gereed voor de BO-MIRT.',
    )
  })

  it('has no progress for a ruimtelijk voorstel, and links to its sign-off panel', () => {
    const mail = mailFor('ruimtelijk-voorstel', 0)
    expect(mail.body).not.toContain('verplichte onderdelen')
    expect(mail.body).toContain('https://novex.example.nl/document/de-peel?paneel=ondertekenen')
  })

  it('writes the locks of one document gathered for one person as one mail, with the latest progress', () => {
    const combined = sectionsLockedMail(
      [payloadFor('ontwikkelperspectief', 6, 'De hoofdopgave'), payloadFor('ontwikkelperspectief', 7, 'Partners')],
      publicUrl,
      'nl',
    )
    expect(combined.subject).toBe('2 onderdelen ondertekend — Ontwikkelperspectief De Peel')
    expect(combined.body).toMatch(/^Deze 2 onderdelen van "Ontwikkelperspectief De Peel" zijn ondertekend/)
    expect(combined.body).toContain('"De hoofdopgave", ondertekend door:\n- Carla Bakker')
    expect(combined.body).toContain('"Partners", ondertekend door:\n- Carla Bakker')
    expect(combined.body).toContain('Van de 8 verplichte onderdelen zijn er nu 7 ondertekend.')
    expect(combined.body).not.toContain('er nu 6')
  })

  it('keeps what a bundle needs with each mail', () => {
    const mail = mailFor('ontwikkelperspectief', 3)
    expect(mail.bundle?.key).toBe('section-locked:de-peel')
    expect(JSON.parse(mail.bundle?.payload ?? '')).toEqual(payloadFor('ontwikkelperspectief', 3))
  })

  it('is written in English for a user of the English interface, alone and bundled', () => {
    const mail = mailFor('ontwikkelperspectief', 3, 'en')
    expect(mail.subject).toBe('Section signed: De hoofdopgave — Ontwikkelperspectief De Peel')
    expect(mail.body).toContain('- Carla Bakker (Ministerie van LVVN) for central government, on 01-12-2026')
    expect(mail.body).toContain('- Daan de Vries (Provincie Noord-Brabant) for the region, on 01-12-2026')
    expect(mail.body).toContain('3 of the 8 required components are now signed.')
    const combined = sectionsLockedMail(
      [payloadFor('ontwikkelperspectief', 7), payloadFor('ontwikkelperspectief', 8, 'Partners')],
      publicUrl,
      'en',
    )
    expect(combined.subject).toBe('2 sections signed — Ontwikkelperspectief De Peel')
    expect(combined.body).toContain('"Partners", signed by:')
    expect(combined.body).toContain(
      'All 8 required components are now signed: the development perspective is ready for the BO-MIRT.',
    )
  })
})
