// The find bar's counts are numbers in the reader's language: 5.000 in Dutch, 5,000 in English.
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/createI18n.ts'

describe('find bar texts', () => {
  it('formats counts and positions as numbers of the interface language', () => {
    const nl = createI18n('nl')
    expect(nl.t('search:status.many', { count: 5000 })).toBe('Meer dan 5.000 resultaten.')
    expect(nl.t('search:status.position', { index: 1234, count: 2000 })).toBe('Resultaat 1.234 van 2.000.')
    expect(nl.t('search:status.count', { count: 1 })).toBe('1 resultaat.')
    expect(nl.t('search:status.replaced', { count: 1200 })).toBe('1.200 keer vervangen.')
    const en = createI18n('en')
    expect(en.t('search:status.many', { count: 5000 })).toBe('More than 5,000 results.')
    expect(en.t('search:status.count', { count: 2 })).toBe('2 results.')
  })
})
