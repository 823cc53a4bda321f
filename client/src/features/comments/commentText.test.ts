import { describe, expect, it } from 'vitest'
import { linkParts, mentionQueryAt, mentionsIn, safeHref } from './commentText.ts'

describe('linkParts', () => {
  it('makes only http(s) and mailto links, and keeps the trailing full stop as text', () => {
    expect(linkParts('Zie https://example.org/a?b=1. En mailto:a@b.nl!')).toEqual([
      { kind: 'text', text: 'Zie ' },
      { kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { kind: 'text', text: '. En ' },
      { kind: 'link', text: 'mailto:a@b.nl', href: 'mailto:a@b.nl' },
      { kind: 'text', text: '!' },
    ])
  })

  it('leaves javascript: and data: URLs and markup as plain text', () => {
    const body = 'klik javascript:alert(1) of <script>alert(1)</script> data:text/html,<b>x</b>'
    expect(linkParts(body)).toEqual([{ kind: 'text', text: body }])
  })

  it('refuses a scheme smuggled in with letter case or entities', () => {
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeNull()
    expect(safeHref('HTTPS://example.org')).toBe('https://example.org/')
  })
})

describe('mentions', () => {
  const members = [
    { userId: 'u1', name: 'Rijk Auteur' },
    { userId: 'u2', name: 'Provincie Auteur' },
  ]
  it('finds the members still named in the body', () => {
    expect(mentionsIn('Graag @Rijk Auteur kijken', members)).toEqual(['u1'])
    expect(mentionsIn('geen vermelding', members)).toEqual([])
  })
  it('reads the query before the caret', () => {
    expect(mentionQueryAt('Hoi @Rij', 8)).toEqual({ start: 4, query: 'Rij' })
    expect(mentionQueryAt('mail a@b', 8)).toBeNull()
  })
})
