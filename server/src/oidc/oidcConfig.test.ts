import { describe, expect, it } from 'vitest'
import { readOidcConfig } from './oidcConfig.ts'

const BASE = {
  OIDC_ISSUER: 'https://sso.rijk.example/realms/novex',
  OIDC_CLIENT_ID: 'novex',
  OIDC_REDIRECT_URI: 'https://novex.example/api/oidc/callback',
  OIDC_PRIVATE_KEY_FILE: '/etc/novex/oidc-key.pem',
}

describe('readOidcConfig', () => {
  it('is off without OIDC_ISSUER', () => {
    expect(readOidcConfig({})).toBeNull()
    expect(readOidcConfig({ OIDC_ISSUER: ' ' })).toBeNull()
  })

  it('reads private_key_jwt with RS256 by default, the default scope and button text', () => {
    const config = readOidcConfig(BASE)
    expect(config?.clientAuth).toEqual({
      kind: 'private_key_jwt',
      keyFile: BASE.OIDC_PRIVATE_KEY_FILE,
      alg: 'RS256',
      keyId: null,
    })
    expect(config?.scope).toBe('openid email profile')
    expect(config?.label).toBe('Inloggen met uw organisatieaccount')
    expect(config?.issuer.href).toBe(BASE.OIDC_ISSUER)
  })

  it('reads a client secret instead, but never both', () => {
    const { OIDC_PRIVATE_KEY_FILE: _key, ...withoutKey } = BASE
    expect(readOidcConfig({ ...withoutKey, OIDC_CLIENT_SECRET: 's3cret' })?.clientAuth).toEqual({
      kind: 'client_secret_basic',
      secret: 's3cret',
    })
    expect(() => readOidcConfig({ ...BASE, OIDC_CLIENT_SECRET: 's3cret' })).toThrow(/not both/)
    expect(() => readOidcConfig(withoutKey)).toThrow(/OIDC_PRIVATE_KEY_FILE .* or OIDC_CLIENT_SECRET/)
  })

  it('refuses plain http except on this machine, a wrong callback path, a missing client id and an unknown algorithm', () => {
    expect(() => readOidcConfig({ ...BASE, OIDC_ISSUER: 'http://sso.rijk.example' })).toThrow(/https/)
    expect(readOidcConfig({ ...BASE, OIDC_ISSUER: 'http://127.0.0.1:9000' })?.issuer.host).toBe('127.0.0.1:9000')
    expect(() => readOidcConfig({ ...BASE, OIDC_REDIRECT_URI: 'https://novex.example/callback' })).toThrow(
      /\/api\/oidc\/callback/,
    )
    expect(() => readOidcConfig({ ...BASE, OIDC_CLIENT_ID: '' })).toThrow(/OIDC_CLIENT_ID is required/)
    expect(() => readOidcConfig({ ...BASE, OIDC_PRIVATE_KEY_ALG: 'HS256' })).toThrow(/RS256, PS256, ES256/)
    expect(() => readOidcConfig({ ...BASE, OIDC_ISSUER: 'geen url' })).toThrow(/must be a URL/)
  })
})
