import { describe, expect, it } from 'vitest'
import { isProviderLoginFailure, safeReturnPath } from './loginReturn.ts'

describe('safeReturnPath', () => {
  it('keeps a path of this editor and turns everything else into the start page', () => {
    expect(safeReturnPath('/document/x?sectie=2')).toBe('/document/x?sectie=2')
    for (const bad of [
      null,
      undefined,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:x',
      '/a\r\nSet-Cookie: x=1',
    ])
      expect(safeReturnPath(bad)).toBe('/')
  })
})

describe('isProviderLoginFailure', () => {
  it('knows the reasons the login page can say, and nothing else', () => {
    expect(isProviderLoginFailure('oidc_unknown_user')).toBe(true)
    expect(isProviderLoginFailure('oidc_anders')).toBe(false)
    expect(isProviderLoginFailure(null)).toBe(false)
  })
})
