// A section link in a comparison reads as its target, in the reader's language. Before, the comparison
// left links out: "[toegevoegd: Zie ook .]".
import type { DiffLink } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/createI18n.ts'
import { diffLinkText, diffLinkWords } from './diffLinkText.ts'

const nl = createI18n('nl').getFixedT('nl', 'versions')
const en = createI18n('en').getFixedT('en', 'versions')

const wonen: DiffLink = {
  documentId: 'ruimtelijk-voorstel-noord-brabant',
  sectionId: 'wonenEnVerstedelijking',
  state: 'valid',
  number: '4',
  title: 'Wonen en verstedelijking',
  documentTitle: 'Ruimtelijk voorstel Noord-Brabant',
}

describe('a section link in a comparison', () => {
  it('names its section and the other document, in Dutch and in English', () => {
    expect(diffLinkText(nl, wonen)).toBe(
      '[koppeling: § 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant)]',
    )
    expect(diffLinkText(en, wonen)).toBe('[link: § 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant)]')
    // The titles are the document's: the caller marks them translate="no".
    expect(diffLinkWords(en, wonen)).toEqual({
      target: '§ 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant)',
      note: null,
    })
  })

  it('names a section of the same document without a document', () => {
    const same: DiffLink = {
      documentId: 'ontwikkelperspectief-de-peel',
      sectionId: 'hoofdopgave1',
      state: 'valid',
      number: '1',
      title: 'Hoofdopgave',
    }
    expect(diffLinkText(nl, same)).toBe('[koppeling: § 1 Hoofdopgave]')
  })

  it('still reads when its target is gone, unavailable, untitled or not for this reader', () => {
    expect(diffLinkText(nl, { ...wonen, state: 'broken' })).toBe(
      '[koppeling: § 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant), verwijderd]',
    )
    expect(diffLinkText(en, { ...wonen, state: 'unavailable' })).toBe(
      '[link: § 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant), temporarily unavailable]',
    )
    expect(diffLinkText(nl, { ...wonen, state: 'broken', number: '', title: '' })).toBe(
      '[koppeling: Zonder titel (Ruimtelijk voorstel Noord-Brabant), verwijderd]',
    )
    const hidden: DiffLink = {
      documentId: 'ruimtelijk-voorstel-limburg',
      sectionId: 'geheimeSectie',
      state: 'no-access',
    }
    expect(diffLinkText(nl, hidden)).toBe('[koppeling: geen toegang]')
    expect(diffLinkText(en, hidden)).toBe('[link: no access]')
    expect(diffLinkWords(nl, hidden).target).toBeNull()
    // An answer without a state (a report read before the server named its links) is not taken as valid.
    const { state: _state, ...unnamed } = wonen
    expect(diffLinkWords(nl, unnamed).note).toBe('tijdelijk niet beschikbaar')
  })
})
