// Whether the logged-in user gets notification e-mail (comments, sign-off requests, status decisions) (GET / PUT /api/session/mail; server:
// api/mailSettingsApi.ts). `available` is false where no mail server is configured.
import { apiError } from './documents.ts'
import { isRecord, requestJson } from './request.ts'

export interface MailSettings {
  readonly available: boolean
  readonly enabled: boolean
}

const toSettings = (body: unknown): MailSettings => ({
  available: isRecord(body) && body.available === true,
  enabled: isRecord(body) && body.enabled === true,
})

export async function fetchMailSettings(signal?: AbortSignal): Promise<MailSettings> {
  return toSettings(await requestJson('GET', '/api/session/mail', apiError, { signal }))
}

export async function saveMailSettings(enabled: boolean): Promise<MailSettings> {
  return toSettings(await requestJson('PUT', '/api/session/mail', apiError, { body: { enabled } }))
}
