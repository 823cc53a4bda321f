// A version is named from its kind in the reader's language; only a version of kind `other` keeps the
// name stored with it. Before, the page showed the server's Dutch name, also in English, and the end of
// a round read "IJkmoment 1", which does not say it is the end.
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/createI18n.ts'
import { hasStoredName, type NamedVersion, versionName } from './versionName.ts'

const nl = createI18n('nl').getFixedT('nl', 'versions')
const en = createI18n('en').getFixedT('en', 'versions')

const start: NamedVersion = { kind: 'roundStart', round: 1, name: 'Begin IJkmoment 1' }
// A round end stored before the kinds keeps this name in old exports; the page names it from its kind.
const end: NamedVersion = { kind: 'roundEnd', round: 2, name: 'IJkmoment 2' }
const submitted: NamedVersion = { kind: 'submitted', round: null, name: 'Ter instemming aangeboden' }
const adopted: NamedVersion = { kind: 'adopted', round: null, name: 'Vastgesteld' }
const other: NamedVersion = { kind: 'other', round: null, name: 'Versie voor de gebiedstafel' }

describe('the name of a version', () => {
  it('says in Dutch where in the ijkmoment it was stored', () => {
    expect(versionName(nl, start)).toBe('Begin IJkmoment 1')
    expect(versionName(nl, end)).toBe('Einde IJkmoment 2')
    expect(versionName(nl, submitted)).toBe('Ter instemming aangeboden')
    expect(versionName(nl, adopted)).toBe('Vastgesteld')
  })

  it('is English in the English interface', () => {
    expect(versionName(en, start)).toBe('Start of review checkpoint 1')
    expect(versionName(en, end)).toBe('End of review checkpoint 2')
    expect(versionName(en, submitted)).toBe('Submitted for consent')
    expect(versionName(en, adopted)).toBe('Adopted')
  })

  it('is the stored name, as it was written, for a version of no known kind', () => {
    expect(versionName(nl, other)).toBe('Versie voor de gebiedstafel')
    expect(versionName(en, other)).toBe('Versie voor de gebiedstafel')
    expect(hasStoredName(other)).toBe(true)
    // A round's version without its round cannot be named from the catalogue either.
    const lost: NamedVersion = { kind: 'roundEnd', round: null, name: 'IJkmoment ?' }
    expect(versionName(en, lost)).toBe('IJkmoment ?')
    expect(hasStoredName(lost)).toBe(true)
    expect([start, end, submitted, adopted].some(hasStoredName)).toBe(false)
  })
})
