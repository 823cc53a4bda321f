import { describe, expect, it } from 'vitest'
import { suggestionChanges } from './suggestionChanges.ts'

describe('what a suggestion changes', () => {
  it('reads a replaced phrase as one removal and one addition', () => {
    expect(suggestionChanges('fors omlaag', 'in 2030 gehalveerd worden')).toEqual([
      { value: 'fors omlaag', removed: true },
      { value: 'in 2030 gehalveerd worden', added: true },
    ])
  })

  it('keeps the words that stay, and the spaces around a change', () => {
    expect(suggestionChanges('moet fors omlaag en', 'moet sterk omlaag en')).toEqual([
      { value: 'moet ' },
      { value: 'fors', removed: true },
      { value: 'sterk', added: true },
      { value: ' omlaag en' },
    ])
  })

  it('shows a pure addition or removal alone', () => {
    expect(suggestionChanges('de Peel', 'de hele Peel')).toEqual([
      { value: 'de ' },
      { value: 'hele ', added: true },
      { value: 'Peel' },
    ])
    expect(suggestionChanges('de hele Peel', 'de Peel')).toEqual([
      { value: 'de ' },
      { value: 'hele ', removed: true },
      { value: 'Peel' },
    ])
  })
})
