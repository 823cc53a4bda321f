// The NOVEX areas and provinces the product knows (DOMAIN.md). Real deployments add more through the CLI.
export interface Province {
  readonly id: string
  readonly name: string
}

export interface Area {
  readonly id: string
  readonly name: string
  readonly rijkLead: string
  readonly regionLead: string
  readonly provinces: readonly string[]
}

export const PROVINCES: readonly Province[] = [
  { id: 'noord-brabant', name: 'Noord-Brabant' },
  { id: 'limburg', name: 'Limburg' },
  { id: 'overijssel', name: 'Overijssel' },
  { id: 'gelderland', name: 'Gelderland' },
  { id: 'flevoland', name: 'Flevoland' },
  { id: 'drenthe', name: 'Drenthe' },
]

export const AREAS: readonly Area[] = [
  {
    id: 'de-peel',
    name: 'De Peel',
    rijkLead: 'Ministerie van LVVN',
    regionLead: 'Provincie Noord-Brabant',
    provinces: ['noord-brabant', 'limburg'],
  },
  {
    id: 'regio-zwolle',
    name: 'Regio Zwolle',
    rijkLead: 'Ministerie van VRO',
    regionLead: 'Provincie Overijssel',
    provinces: ['overijssel', 'gelderland', 'flevoland', 'drenthe'],
  },
  {
    id: 'zuid-limburg',
    name: 'Zuid-Limburg',
    rijkLead: 'Ministerie van VRO',
    regionLead: 'Provincie Limburg',
    provinces: ['limburg'],
  },
]
