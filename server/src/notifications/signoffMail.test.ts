import type { Actor, Language } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { type SignRequestPayload, signoffRequestMail, signRequestsMail } from './signoffMail.ts'

const by = (name: string, organisationName: string): Actor => ({
  userId: name,
  name,
  organisationId: organisationName,
  organisationName,
  side: null,
})
const publicUrl = new URL('https://novex.example.nl')
const request = (
  kind: 'sign' | 'reopen',
  sectionTitle: string,
  asker = by('Eva Jansen', 'Ministerie van VRO'),
  quotes = true,
  language: Language = 'nl',
) =>
  signoffRequestMail(
    {
      kind,
      documentId: 'de-peel',
      documentTitle: 'Ontwikkelperspectief De Peel',
      sectionTitle,
      by: asker,
      reason: kind === 'reopen' ? 'Nieuwe cijfers' : null,
    },
    'u2',
    publicUrl,
    quotes,
    language,
  )
const payloadOf = (mail: ReturnType<typeof request>): SignRequestPayload =>
  JSON.parse(mail.bundle?.payload ?? '') as SignRequestPayload

describe('e-mail asking to sign', () => {
  it('may be bundled per document; a request to reopen never is', () => {
    expect(request('sign', 'Partners').bundle?.key).toBe('sign-request:de-peel')
    expect(request('reopen', 'Partners').bundle).toBeUndefined()
  })

  it('lists the sections of one asker in one mail', () => {
    const mail = signRequestsMail(
      [payloadOf(request('sign', 'Partners')), payloadOf(request('sign', ''))],
      publicUrl,
      'nl',
    )
    expect(mail.subject).toBe('Verzoek om ondertekening van 2 onderdelen — Ontwikkelperspectief De Peel')
    expect(mail.body).toContain(
      'Eva Jansen (Ministerie van VRO) vraagt u deze 2 onderdelen van "Ontwikkelperspectief De Peel" te ondertekenen:\n- "Partners"\n- "een onderdeel zonder titel"\n',
    )
    expect(mail.body).toContain('https://novex.example.nl/document/de-peel?paneel=ondertekenen')
  })

  it('says who asked for which section when several asked', () => {
    const other = by('Piet Smit', 'Provincie Limburg')
    const mail = signRequestsMail(
      [payloadOf(request('sign', 'Partners')), payloadOf(request('sign', 'Vooruitblik', other))],
      publicUrl,
      'nl',
    )
    expect(mail.body).toContain('- "Partners" (gevraagd door Eva Jansen (Ministerie van VRO))')
    expect(mail.body).toContain('- "Vooruitblik" (gevraagd door Piet Smit (Provincie Limburg))')
  })

  it('gives the reason to reopen, unless mail may not quote what people wrote', () => {
    expect(request('reopen', 'Partners').body).toContain('Reden: Nieuwe cijfers')
    const without = request('reopen', 'Partners', undefined, false).body
    expect(without).not.toContain('Nieuwe cijfers')
    expect(without).toContain('De reden staat in de editor.')
  })

  it('is written in English for a user of the English interface', () => {
    const mail = request('reopen', 'Partners', undefined, true, 'en')
    expect(mail.subject).toBe('Request to reopen: Partners — Ontwikkelperspectief De Peel')
    expect(mail.body).toContain('Eva Jansen (Ministerie van VRO) asks to reopen the signed section "Partners"')
    expect(mail.body).toContain('Reason: Nieuwe cijfers')
    const many = signRequestsMail(
      [payloadOf(request('sign', 'Partners')), payloadOf(request('sign', 'Vooruitblik'))],
      publicUrl,
      'en',
    )
    expect(many.subject).toBe('Request to sign 2 sections — Ontwikkelperspectief De Peel')
    expect(many.body).toContain(
      'asks you to sign these 2 sections of "Ontwikkelperspectief De Peel":\n- "Partners"\n- "Vooruitblik"',
    )
  })
})
