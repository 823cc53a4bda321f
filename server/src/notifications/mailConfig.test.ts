import { describe, expect, it } from 'vitest'
import { readMailConfig } from './mailConfig.ts'

const base = {
  SMTP_URL: 'smtp://mail.example.nl:587',
  MAIL_FROM: 'noreply@example.nl',
  PUBLIC_URL: 'https://novex.example.nl',
}

describe('the mail settings', () => {
  it('are off without SMTP_URL', () => {
    expect(readMailConfig({})).toBeNull()
  })

  it('are read with a first retry of a minute and two minutes of gathering and the daily mail at 08:00 unless set', () => {
    expect(readMailConfig(base)).toEqual({
      smtpUrl: base.SMTP_URL,
      from: base.MAIL_FROM,
      publicUrl: new URL(base.PUBLIC_URL),
      retryMs: 60_000,
      gatherMs: 120_000,
      quotes: true,
      digestAt: { hour: 8, minute: 0 },
    })
    expect(readMailConfig({ ...base, NOVEX_MAIL_DIGEST_AT: '17:30' })?.digestAt).toEqual({ hour: 17, minute: 30 })
    expect(readMailConfig({ ...base, NOVEX_MAIL_QUOTES: '0' })?.quotes).toBe(false)
    expect(readMailConfig({ ...base, NOVEX_MAIL_RETRY_SECONDS: '5' })?.retryMs).toBe(5_000)
    expect(readMailConfig({ ...base, NOVEX_MAIL_GATHER_SECONDS: '0' })?.gatherMs).toBe(0)
  })

  it('refuse what cannot work, saying what is wrong', () => {
    expect(() => readMailConfig({ ...base, SMTP_URL: 'http://mail.example.nl' })).toThrow(/smtp:\/\/ or smtps:\/\//)
    expect(() => readMailConfig({ ...base, MAIL_FROM: '' })).toThrow(/MAIL_FROM is required/)
    expect(() => readMailConfig({ ...base, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL/)
    expect(() => readMailConfig({ ...base, PUBLIC_URL: 'http://novex.example.nl' })).toThrow(/https/)
    expect(readMailConfig({ ...base, PUBLIC_URL: 'http://localhost:4321' })?.publicUrl.port).toBe('4321')
    expect(() => readMailConfig({ ...base, NOVEX_MAIL_RETRY_SECONDS: '0' })).toThrow(/positive integer/)
    expect(() => readMailConfig({ ...base, NOVEX_MAIL_GATHER_SECONDS: 'twee' })).toThrow(/NOVEX_MAIL_GATHER_SECONDS/)
    expect(() => readMailConfig({ ...base, NOVEX_MAIL_QUOTES: 'nee' })).toThrow(/NOVEX_MAIL_QUOTES must be 1/)
    expect(() => readMailConfig({ ...base, NOVEX_MAIL_DIGEST_AT: '8 uur' })).toThrow(/NOVEX_MAIL_DIGEST_AT/)
  })
})
