import { describe, expect, it } from 'vitest'
import { type SignatureLapsedPayload, signatureLapsedMail, signaturesLapsedMail } from './signatureLapsedMail.ts'

const payload = (sectionTitle: string): SignatureLapsedPayload => ({
  documentId: 'de-peel',
  documentTitle: 'Ontwikkelperspectief De Peel',
  sectionTitle,
  side: 'provincie',
  signedAt: Date.UTC(2026, 10, 28, 10),
})
const publicUrl = new URL('https://novex.example.nl')

describe('e-mail about a lapsed signature', () => {
  it('tells the signer which signature lapsed and why, and links to the sign-off panel', () => {
    const mail = signatureLapsedMail(payload('Partners'), 'u1', publicUrl, 'nl')
    expect(mail.subject).toBe('Ondertekening vervallen: Partners — Ontwikkelperspectief De Peel')
    expect(mail.body).toContain(
      'Uw ondertekening van het onderdeel "Partners" in "Ontwikkelperspectief De Peel" (voor de regio, op 28-11-2026) is vervallen: de tekst is gewijzigd nadat u ondertekende.',
    )
    expect(mail.body).toContain('https://novex.example.nl/document/de-peel?paneel=ondertekenen')
    expect(mail.bundle?.key).toBe('signature-lapsed:de-peel')
  })

  it('lists several in one mail, in Dutch and in English', () => {
    const nl = signaturesLapsedMail([payload('Partners'), payload('')], publicUrl, 'nl')
    expect(nl.subject).toBe('Ondertekening vervallen van 2 onderdelen — Ontwikkelperspectief De Peel')
    expect(nl.body).toContain('- "Partners"\n- "een onderdeel zonder titel"\n')
    const en = signaturesLapsedMail([payload('Partners'), payload('Vooruitblik')], publicUrl, 'en')
    expect(en.subject).toBe('Signatures lapsed on 2 sections — Ontwikkelperspectief De Peel')
    expect(en.body).toContain('Read the new text and sign the sections again in the editor, under "Sign":')
  })
})
