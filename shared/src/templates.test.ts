import { describe, expect, it } from 'vitest'
import { COMPONENTS, type ComponentKey, isComponentKey } from './components.ts'
import { canDeleteSection, checkComponents, templateFor, VOORSTEL_SECTIONS } from './templates.ts'

describe('templates', () => {
  it('gives a perspective exactly the eight required components, in order', () => {
    const sections = templateFor('ontwikkelperspectief')
    expect(sections.map((s) => s.component)).toEqual(COMPONENTS.map((c) => c.key))
    expect(sections[0]?.title).toBe('De hoofdopgave en meekoppelende opgaven')
    expect(checkComponents(sections.map((s) => s.component))).toEqual({ missing: [], duplicated: [] })
  })

  it('gives a voorstel the ten suggested free sections', () => {
    const sections = templateFor('ruimtelijk-voorstel')
    expect(sections).toHaveLength(10)
    expect(sections.every((s) => s.component === null)).toBe(true)
    expect(sections.map((s) => s.title)).toEqual([...VOORSTEL_SECTIONS])
  })

  it('knows the stable component keys', () => {
    expect(isComponentKey('ruimtelijke-keuzes')).toBe(true)
    expect(isComponentKey('Ruimtelijke keuzes')).toBe(false)
  })
})

describe('required-section rules', () => {
  it('refuses to delete a required section and allows a free one', () => {
    expect(canDeleteSection({ component: 'hoofdopgave' })).toBe(false)
    expect(canDeleteSection({ component: null })).toBe(true)
  })

  it('reports missing and duplicated components', () => {
    const present: (ComponentKey | null)[] = COMPONENTS.map((c) => c.key).filter((k) => k !== 'partners')
    present.push('hoofdopgave', null)
    expect(checkComponents(present)).toEqual({ missing: ['partners'], duplicated: ['hoofdopgave'] })
  })
})
