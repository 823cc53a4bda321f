import { describe, expect, it } from 'vitest'
import { dutchList, formatDate, formatDateTime, formatDay, numberedTitle, sendersLine } from './dossierText.ts'

describe('dossier text', () => {
  it('formats dates as dd-mm-jjjj in Europe/Amsterdam, in winter and summer time', () => {
    expect(formatDate(Date.UTC(2026, 0, 5, 12))).toBe('05-01-2026')
    expect(formatDateTime(Date.UTC(2026, 0, 5, 23, 30))).toBe('06-01-2026 00:30') // CET, UTC+1
    expect(formatDateTime(Date.UTC(2026, 6, 1, 22, 5))).toBe('02-07-2026 00:05') // CEST, UTC+2
    expect(formatDateTime(Date.UTC(2026, 6, 1, 10, 0))).toBe('01-07-2026 12:00')
  })

  it("turns a decision's day (yyyy-mm-dd) into dd-mm-jjjj, whatever the zone", () => {
    expect(formatDay('2026-11-05')).toBe('05-11-2026')
    expect(formatDay('5 november')).toBe('5 november')
  })

  it('names every sender, the Rijk first, as a Dutch enumeration', () => {
    expect(sendersLine({ rijkLead: 'Ministerie van LVVN', provinces: ['Noord-Brabant', 'Limburg'] })).toBe(
      'Ministerie van LVVN, Provincie Noord-Brabant en Provincie Limburg',
    )
    expect(
      sendersLine({ rijkLead: 'Ministerie van VRO', provinces: ['Overijssel', 'Gelderland', 'Flevoland', 'Drenthe'] }),
    ).toBe('Ministerie van VRO, Provincie Overijssel, Provincie Gelderland, Provincie Flevoland en Provincie Drenthe')
    // A ruimtelijk voorstel: no area, so no lead ministry.
    expect(sendersLine({ rijkLead: null, provinces: ['Noord-Brabant'] })).toBe(
      'Rijksoverheid en Provincie Noord-Brabant',
    )
    expect(sendersLine({ rijkLead: null, provinces: [] })).toBe('Rijksoverheid')
    expect(dutchList([])).toBe('')
  })

  it('numbers titles', () => {
    expect(numberedTitle('2.1', 'Peelvenen')).toBe('2.1 Peelvenen')
    expect(numberedTitle('', 'Peelvenen')).toBe('Peelvenen')
  })
})
