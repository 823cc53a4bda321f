// Whether the logged-in user gets e-mail about comments (GET / PUT /api/session/mail; server:
// api/mailSettingsApi.ts). `available` is false where no mail server is configured.
import { apiError } from './documents.ts'
import { isRecord, requestJson } from './request.ts'

export interface MailSettings {
  readonly available: boolean
  readonly comments: boolean
}

const toSettings = (body: unknown): MailSettings => ({
  available: isRecord(body) && body.available === true,
  comments: isRecord(body) && body.comments === true,
})

export async function fetchMailSettings(signal?: AbortSignal): Promise<MailSettings> {
  return toSettings(await requestJson('GET', '/api/session/mail', apiError, { signal }))
}

export async function saveMailSettings(comments: boolean): Promise<MailSettings> {
  return toSettings(await requestJson('PUT', '/api/session/mail', apiError, { body: { comments } }))
}
