// The two document templates and the rules on required sections.
import { COMPONENTS, type ComponentKey, type DocumentKind } from './components.ts'

export interface TemplateSection {
  readonly title: string
  readonly component: ComponentKey | null
}

export const VOORSTEL_SECTIONS = [
  'Inleiding, opdracht en proces',
  'Water en bodem sturend',
  'Landbouw, natuur en landschap',
  'Wonen en verstedelijking',
  'Bereikbaarheid en mobiliteit',
  'Economie en werklocaties',
  'Energie en netinfrastructuur',
  'Defensie en ruimte voor veiligheid',
  'NOVEX-gebieden en gebiedsgerichte opgaven',
  'Schuurpunten, keuzes en vervolg',
] as const

export function templateFor(kind: DocumentKind): readonly TemplateSection[] {
  if (kind === 'ontwikkelperspectief') {
    return COMPONENTS.map((c) => ({ title: c.title, component: c.key }))
  }
  return VOORSTEL_SECTIONS.map((title) => ({ title, component: null }))
}

/** A section that carries a required component can be moved and retitled, never deleted. */
export function canDeleteSection(section: { component: ComponentKey | null }): boolean {
  return section.component === null
}

export const REQUIRED_SECTION_DELETE_REASON =
  'Dit is een verplicht onderdeel van het ontwikkelperspectief. U kunt het verplaatsen en de titel wijzigen, maar niet verwijderen.'

export interface ComponentCheck {
  readonly missing: ComponentKey[]
  readonly duplicated: ComponentKey[]
}

/** A perspective must contain each component exactly once. */
export function checkComponents(present: readonly (ComponentKey | null)[]): ComponentCheck {
  const counts = new Map<ComponentKey, number>()
  for (const key of present) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1)
  return {
    missing: COMPONENTS.map((c) => c.key).filter((k) => !counts.has(k)),
    duplicated: [...counts].filter(([, n]) => n > 1).map(([k]) => k),
  }
}
