// The catalogue is complete: every namespace exists in both languages with the same keys, and no text
// is empty. (That components render only catalogue texts is checked in the browser, with the
// pseudo-locale: test/e2e/catalogue.test.ts.)
import { describe, expect, it } from 'vitest'
import { catalogue } from './catalogue.ts'
import { LANGUAGES } from './languages.ts'

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
}

function emptyTexts(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [prefix] : []
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => emptyTexts(v, prefix ? `${prefix}.${k}` : k))
}

describe('message catalogue', () => {
  const resources = catalogue()
  it('has Dutch and English', () => {
    expect(Object.keys(resources).sort()).toEqual([...LANGUAGES].sort())
  })
  const namespaces = Object.keys(resources.nl ?? {})
  it.each(namespaces)('namespace %s has the same keys in every language', (ns) => {
    const dutch = keysOf(resources.nl?.[ns]).sort()
    for (const lng of LANGUAGES) expect(keysOf(resources[lng]?.[ns]).sort(), `${lng}/${ns}.json`).toEqual(dutch)
  })
  it.each(namespaces)('namespace %s has no empty texts', (ns) => {
    for (const lng of LANGUAGES) expect(emptyTexts(resources[lng]?.[ns]), `${lng}/${ns}.json`).toEqual([])
  })
})
