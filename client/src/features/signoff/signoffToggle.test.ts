import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/createI18n.ts'
import { signoffToggle } from './signoffToggle.ts'

describe('signoffToggle', () => {
  it('offers signing, as the primary action, to a signatory only', () => {
    const nl = createI18n('nl')
    const signs = signoffToggle(true)
    expect(signs.appearance).toBe('primary-action-button')
    expect(nl.t(`documents:${signs.label}`)).toBe('Ondertekenen')
  })

  it('names the state of the sign-offs, as a secondary button, for someone who does not sign', () => {
    const nl = createI18n('nl')
    for (const signatory of [false, null]) {
      const toggle = signoffToggle(signatory)
      expect(toggle.appearance).toBe('secondary-action-button')
      expect(nl.t(`documents:${toggle.label}`)).toBe('Ondertekening')
    }
  })
})
