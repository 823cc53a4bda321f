// The downloaded round report said "Tekst: 1 woorden toegevoegd": one plural for every number. It names
// the section links added and removed in the round as well, which reviewers check.
import type { RoundReport } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { reportMarkdown } from './renderReport.ts'

const report = (inserted: number, deleted: number): RoundReport => ({
  round: 1,
  name: 'IJkmoment 1',
  openedAt: Date.UTC(2026, 2, 2, 9),
  closedAt: Date.UTC(2026, 2, 9, 9),
  totals: { opened: 0, resolved: 0, open: 0 },
  sections: [
    {
      sectionId: 'hoofdopgave01',
      number: '4',
      title: 'Concrete bijdrage',
      opened: {},
      resolved: {},
      open: {},
      changes: {
        inserted,
        deleted,
        parts: [
          { value: 'Zie ', added: true },
          {
            value: '[koppeling: § 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant)]',
            added: true,
            link: {
              documentId: 'ruimtelijk-voorstel-noord-brabant',
              sectionId: 'wonen00000001',
              state: 'valid',
              number: '4',
              title: 'Wonen en verstedelijking',
              documentTitle: 'Ruimtelijk voorstel Noord-Brabant',
            },
          },
          {
            value: '[koppeling: geen toegang]',
            removed: true,
            link: { documentId: 'ruimtelijk-voorstel-limburg', sectionId: 'limburg000001', state: 'no-access' },
          },
        ],
      },
    },
  ],
})

describe('the round report as Markdown', () => {
  it('says "1 woord" and "2 woorden"', () => {
    expect(reportMarkdown(report(1, 2), 'Ontwikkelperspectief De Peel')).toContain(
      '- Tekst: 1 woord toegevoegd, 2 woorden verwijderd',
    )
    expect(reportMarkdown(report(0, 1), 'Ontwikkelperspectief De Peel')).toContain(
      '- Tekst: 0 woorden toegevoegd, 1 woord verwijderd',
    )
  })

  it('lists the links added and removed in the round by their targets', () => {
    const markdown = reportMarkdown(report(1, 0), 'Ontwikkelperspectief De Peel')
    expect(markdown).toContain('- Koppelingen: 1 toegevoegd, 1 verwijderd\n')
    expect(markdown).toContain(
      '- Koppeling toegevoegd: § 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant)\n',
    )
    expect(markdown).toContain('- Koppeling verwijderd: geen toegang\n')
  })
})
