// The reason a section gives for not taking a change: the storage fault beats everything (an author's
// rights are intact), a lock beats the status, and only then the role.
import { describe, expect, it } from 'vitest'
import nl from '../../i18n/locales/nl/sections.json'
import { readOnlyTextKey, readOnlyTitleKey } from './readOnlyWords.ts'

const section: Record<string, string> = nl.section

function words(key: string): string {
  const text = section[key.replace(/^section\./, '')]
  if (text === undefined) throw new Error(`no text for ${key}`)
  return text
}

describe('why a section does not change', () => {
  it('names the storage, not a role or a lock, while the server cannot save', () => {
    expect(words(readOnlyTextKey(false, 'storage'))).toMatch(/^De server kan dit document op dit moment niet opslaan/)
    expect(readOnlyTextKey(true, 'storage')).toBe('section.readOnlyStorage')
    expect(readOnlyTitleKey(true, 'storage')).toBe('section.readOnlyStorage')
  })

  it('names the lock of a signed section before the status or the role', () => {
    expect(words(readOnlyTextKey(true, 'frozen'))).toMatch(/^Deze sectie is ondertekend en vergrendeld/)
    expect(words(readOnlyTextKey(true, 'comment'))).toMatch(/^Deze sectie is ondertekend en vergrendeld/)
    expect(words(readOnlyTitleKey(true, null))).toBe(
      'Deze sectie is ondertekend en vergrendeld: de titel kan niet veranderen.',
    )
  })

  it('names the status of a submitted or adopted perspective, where an author would have written', () => {
    expect(words(readOnlyTextKey(false, 'frozen'))).toMatch(/^Dit ontwikkelperspectief is ter instemming aangeboden/)
    expect(words(readOnlyTitleKey(false, 'frozen'))).toMatch(/^Dit ontwikkelperspectief is ter instemming aangeboden/)
  })

  it('names the role last: comment only, or read only', () => {
    expect(words(readOnlyTextKey(false, 'comment'))).toMatch(/^U kunt in dit document alleen reageren/)
    expect(words(readOnlyTextKey(false, 'read'))).toBe('U kunt dit document alleen lezen.')
    expect(words(readOnlyTitleKey(false, 'comment'))).toBe('U kunt de titel in dit document niet wijzigen.')
  })
})
