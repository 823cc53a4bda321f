import { describe, expect, it } from 'vitest'
import { isAllowedLinkHref, markAttributes, nodeAttributes } from './contentAllowList.ts'

describe('content allow-list', () => {
  it.each([
    'https://www.rijksoverheid.nl/a?b=c#d',
    'HTTP://example.nl',
    'mailto:info@example.nl',
    '/documenten/ontwikkelperspectief-de-peel',
    '#sectie',
    'bijlage.pdf',
    '//cdn.example.nl/x',
  ])('allows the link %j', (href) => expect(isAllowedLinkHref(href)).toBe(true))

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    '  javascript:alert(1)',
    '\u0000\u001fjavascript:alert(1)',
    'java\tscript:alert(1)',
    'jav\r\nascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:x',
    'file:///etc/passwd',
  ])('refuses the link %j', (href) => expect(isAllowedLinkHref(href)).toBe(false))

  it('knows names only as own keys (no prototype names such as constructor)', () => {
    expect(nodeAttributes('constructor')).toBeNull()
    expect(markAttributes('__proto__')).toBeNull()
    expect(nodeAttributes('heading')).toEqual(['level'])
  })
})
