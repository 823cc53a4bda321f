import { describe, expect, it } from 'vitest'
import { inlineText } from './contentBlocks.ts'
import { sectionBlocks, titlePageOf } from './dossierLayout.ts'
import { LABELS } from './dossierText.ts'
import { sampleDossier } from './testing/sampleDossier.ts'

const texts = (blocks: ReturnType<typeof sectionBlocks>) =>
  blocks.map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? inlineText(b.inlines) : b.kind))

describe('dossier layout', () => {
  it("puts every co-sender, the area, an ontwikkelperspectief's status and the date on the title page", () => {
    // De Peel has two provinces: both send the document with the Rijk, and both are named.
    const senders = 'Ministerie van LVVN, Provincie Noord-Brabant en Provincie Limburg'
    expect(titlePageOf(sampleDossier()).senders).toBe(senders)
    expect(titlePageOf(sampleDossier()).facts).toEqual([
      { label: 'Afzenders', value: senders },
      { label: 'NOVEX-gebied', value: 'De Peel' },
      { label: 'Status', value: 'Vastgesteld' },
      { label: 'Datum', value: '28-11-2026' },
    ])
    // A ruimtelijk voorstel has no status.
    expect(titlePageOf({ ...sampleDossier(), status: null }).facts.map((fact) => fact.label)).toEqual([
      'Afzenders',
      'NOVEX-gebied',
      'Datum',
    ])
  })

  it('heads a section by depth and leaves out the content of a section that is not locked', () => {
    const [locked, unlocked, sub] = sampleDossier().sections
    if (!locked || !unlocked || !sub) throw new Error('sample has three sections')
    expect(sectionBlocks(sub)[0]).toMatchObject({ kind: 'heading', level: 2 })
    expect(texts(sectionBlocks(unlocked))).toEqual([
      '2 Toekomstbestendig: kenmerken en identiteit van het gebied',
      LABELS.notIncluded,
    ])
    expect(sectionBlocks(locked).length).toBeGreaterThan(5)
  })

  it('names the required component of a retitled section', () => {
    const [locked] = sampleDossier().sections
    if (!locked) throw new Error('sample has a section')
    const retitled = { ...locked, title: 'Hoofdopgave De Peel' }
    expect(texts(sectionBlocks(retitled)).slice(0, 2)).toEqual([
      '1 Hoofdopgave De Peel',
      'Verplicht onderdeel: De hoofdopgave en meekoppelende opgaven',
    ])
    expect(texts(sectionBlocks(locked))[1]).not.toContain('Verplicht onderdeel')
  })
})
