import { generateKeyPairSync } from 'node:crypto'
import { createLocalJWKSet, type JWTPayload, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { BACKCHANNEL_LOGOUT_EVENT, LogoutTokenError, verifyLogoutToken } from './logoutToken.ts'

const ISSUER = 'https://sso.rijk.example'
const CLIENT = 'novex-editor'
const provider = generateKeyPairSync('rsa', { modulusLength: 2048 })
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
const keys = createLocalJWKSet({ keys: [{ ...provider.publicKey.export({ format: 'jwk' }), kid: 'op', alg: 'RS256' }] })
const check = { keys, issuer: ISSUER, clientId: CLIENT, algorithms: ['RS256'] }

const CLAIMS: JWTPayload = {
  sub: 'nb-0001',
  sid: 'op-session-1',
  jti: 'logout-1',
  events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
}

function token(
  claims: JWTPayload = CLAIMS,
  { key = provider.privateKey, typ = 'logout+jwt', iat = Math.floor(Date.now() / 1000) } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'op', typ })
    .setIssuer(ISSUER)
    .setAudience(CLIENT)
    .setIssuedAt(iat)
    .sign(key)
}

const refused = async (value: Promise<string>): Promise<void> => {
  await expect(verifyLogoutToken(await value, check)).rejects.toBeInstanceOf(LogoutTokenError)
}

describe('a back-channel logout token', () => {
  it('names the provider session and subject that ended', async () => {
    expect(await verifyLogoutToken(await token(), check)).toEqual({
      issuer: ISSUER,
      subject: 'nb-0001',
      sessionId: 'op-session-1',
    })
  })

  it('may name only the subject (every session of that person) or only the session', async () => {
    const { sid: _sid, ...bySubject } = CLAIMS
    expect(await verifyLogoutToken(await token(bySubject), check)).toMatchObject({
      subject: 'nb-0001',
      sessionId: null,
    })
    const { sub: _sub, ...bySession } = CLAIMS
    expect(await verifyLogoutToken(await token(bySession), check)).toMatchObject({
      subject: null,
      sessionId: 'op-session-1',
    })
  })

  it('is refused when someone else signed it', async () => {
    await refused(token(CLAIMS, { key: stranger.privateKey }))
  })

  it('is refused when it is for another client or from another provider', async () => {
    const other = new SignJWT(CLAIMS)
      .setProtectedHeader({ alg: 'RS256', kid: 'op' })
      .setIssuer(ISSUER)
      .setAudience('another-app')
      .setIssuedAt()
      .sign(provider.privateKey)
    await refused(other)
    await expect(
      verifyLogoutToken(await token(), { ...check, issuer: 'https://idp.provincie.example' }),
    ).rejects.toBeInstanceOf(LogoutTokenError)
  })

  it('is refused without the logout event, with a nonce (an ID token), or without anyone to log out', async () => {
    await refused(token({ ...CLAIMS, events: { 'https://example/other-event': {} } }))
    await refused(token({ ...CLAIMS, events: undefined }))
    await refused(token({ ...CLAIMS, nonce: 'n-0S6_WzA2Mj' }))
    await refused(token({ jti: 'x', events: CLAIMS.events }))
  })

  it('is refused without jti, when old, or when typed as something else', async () => {
    await refused(token({ ...CLAIMS, jti: undefined }))
    await refused(token(CLAIMS, { iat: Math.floor(Date.now() / 1000) - 3600 }))
    await refused(token(CLAIMS, { typ: 'at+jwt' }))
  })

  it('is refused when unsigned or not a JWT at all', async () => {
    const [header = '', payload = ''] = (await token()).split('.')
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`
    await expect(verifyLogoutToken(unsigned, check)).rejects.toBeInstanceOf(LogoutTokenError)
    await expect(verifyLogoutToken(`${header}.${payload}`, check)).rejects.toBeInstanceOf(LogoutTokenError)
    await expect(verifyLogoutToken('logout', check)).rejects.toBeInstanceOf(LogoutTokenError)
  })
})
