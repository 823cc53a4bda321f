// The round report's sentences about a section's text. It read "Gewijzigd: 1 woorden toegevoegd, 0 woorden
// verwijderd." (one plural for every number), and a section link added in the round was not mentioned.
import type { DiffPart } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/createI18n.ts'
import { linkChangesText, wordChangesText } from './reportTexts.ts'

const nl = createI18n('nl').getFixedT('nl', 'review')
const en = createI18n('en').getFixedT('en', 'review')

const link = {
  documentId: 'ruimtelijk-voorstel-noord-brabant',
  sectionId: 'wonenEnVerstedelijking',
  state: 'valid',
} as const

describe('the changes in a round report', () => {
  it('says "1 woord" and "2 woorden" in Dutch', () => {
    expect(wordChangesText(nl, { inserted: 1, deleted: 0 })).toBe(
      'Gewijzigd: 1 woord toegevoegd, 0 woorden verwijderd.',
    )
    expect(wordChangesText(nl, { inserted: 2, deleted: 1 })).toBe(
      'Gewijzigd: 2 woorden toegevoegd, 1 woord verwijderd.',
    )
  })

  it('says "1 word" and "2 words" in English', () => {
    expect(wordChangesText(en, { inserted: 1, deleted: 0 })).toBe('Changed: 1 word added, 0 words deleted.')
    expect(wordChangesText(en, { inserted: 2, deleted: 1 })).toBe('Changed: 2 words added, 1 word deleted.')
  })

  it('counts the section links added and removed, and says nothing when there are none', () => {
    const parts: DiffPart[] = [
      { value: 'Zie ' },
      { value: '[koppeling]', added: true, link },
      { value: '[koppeling]', removed: true, link: { ...link, sectionId: 'waterEnBodem' } },
      { value: '[koppeling]', added: true, link: { ...link, sectionId: 'economie' } },
      { value: '[koppeling]', link: { ...link, sectionId: 'natuur' } },
    ]
    expect(linkChangesText(nl, parts)).toBe('Koppelingen: 2 toegevoegd, 1 verwijderd.')
    expect(linkChangesText(en, parts)).toBe('Links: 2 added, 1 removed.')
    expect(
      linkChangesText(nl, [
        { value: 'Zie ', added: true },
        { value: '[koppeling]', link },
      ]),
    ).toBeNull()
  })
})
