// The eight required components of an ontwikkelperspectief (stable keys, see DOMAIN.md) and the two
// document kinds.

export const COMPONENTS = [
  { key: 'hoofdopgave', title: 'De hoofdopgave en meekoppelende opgaven' },
  { key: 'toekomstbestendig', title: 'Toekomstbestendig: kenmerken en identiteit van het gebied' },
  {
    key: 'ruimtelijke-keuzes',
    title: 'Gezamenlijk beeld van ruimtelijke keuzes om het ontwikkelperspectief te realiseren',
  },
  { key: 'bijdrage-nationaal', title: "Concrete bijdrage aan nationale programma's" },
  { key: 'doelstellingen', title: 'Aangescherpte doelstelling(en) NOVEX-gebied' },
  { key: 'samenhang', title: 'Samenhang met lopende gebiedstrajecten en plannen' },
  { key: 'partners', title: 'Afstemming met partners en betrokkenheid stakeholders' },
  { key: 'vooruitblik', title: 'Een eerste vooruitblik op het vervolg (naar uitvoering)' },
] as const

export type ComponentKey = (typeof COMPONENTS)[number]['key']

const COMPONENT_KEYS: ReadonlySet<string> = new Set(COMPONENTS.map((c) => c.key))

export function isComponentKey(value: unknown): value is ComponentKey {
  return typeof value === 'string' && COMPONENT_KEYS.has(value)
}

export function componentTitle(key: ComponentKey): string {
  const found = COMPONENTS.find((c) => c.key === key)
  return found ? found.title : key
}

export const DOCUMENT_KINDS = ['ontwikkelperspectief', 'ruimtelijk-voorstel'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export function isDocumentKind(value: unknown): value is DocumentKind {
  return value === 'ontwikkelperspectief' || value === 'ruimtelijk-voorstel'
}
