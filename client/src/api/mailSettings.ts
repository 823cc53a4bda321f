// Whether the logged-in user gets notification e-mail, whether their mentions and replies come once a day
// (and at what time), and in which language (GET / PUT
// /api/session/mail; server: api/mailSettingsApi.ts). `available` is false where no mail server is
// configured.
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@novex/shared'
import { apiError } from './documents.ts'
import { isRecord, requestJson } from './request.ts'

export interface MailSettings {
  readonly available: boolean
  readonly enabled: boolean
  /** Mentions and replies once a day, at `dailyAt` ("08:00", Dutch clock), in one mail per document. */
  readonly daily: boolean
  readonly dailyAt: string
  /** The language the mail is written in. */
  readonly language: Language
}

const toSettings = (body: unknown): MailSettings => ({
  available: isRecord(body) && body.available === true,
  enabled: isRecord(body) && body.enabled === true,
  daily: isRecord(body) && body.daily === true,
  dailyAt: isRecord(body) && typeof body.dailyAt === 'string' ? body.dailyAt : '',
  language: isRecord(body) && isLanguage(body.language) ? body.language : DEFAULT_LANGUAGE,
})

export async function fetchMailSettings(signal?: AbortSignal): Promise<MailSettings> {
  return toSettings(await requestJson('GET', '/api/session/mail', apiError, { signal }))
}

export async function saveMailSettings(
  change: { readonly enabled: boolean } | { readonly daily: boolean },
): Promise<MailSettings> {
  return toSettings(await requestJson('PUT', '/api/session/mail', apiError, { body: change }))
}

export async function saveMailLanguage(language: Language): Promise<MailSettings> {
  return toSettings(await requestJson('PUT', '/api/session/mail', apiError, { body: { language } }))
}
