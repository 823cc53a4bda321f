// GET /api/session/mail: whether notification e-mail is offered here (a mail server is configured),
// whether the logged-in user gets it, whether their mentions and replies come once a day and at what
// time, and in which language; PUT with { "enabled": true|false } turns it on or off, with
// { "daily": true|false } the daily mail, with { "language": "nl"|"en" } sets the language (the client
// reports its interface's).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LANGUAGES } from '@novex/shared'
import { z } from 'zod'
import type { User } from '../accounts/accountStore.ts'
import type { Notifications } from '../notifications/notifications.ts'
import { readJsonBody } from './readJsonBody.ts'
import { ApiError, sendJson } from './respond.ts'

export interface MailSettingsApiDeps {
  readonly notifications: Notifications
}

const MailSettingsBody = z
  .object({ enabled: z.boolean().optional(), daily: z.boolean().optional(), language: z.enum(LANGUAGES).optional() })
  .strict()
  .refine((body) => body.enabled !== undefined || body.daily !== undefined || body.language !== undefined, {
    message: 'Geef "enabled", "daily" of "language" op.',
  })

const view = (deps: MailSettingsApiDeps, user: User) => ({
  available: deps.notifications.available,
  enabled: deps.notifications.settings.wantsMail(user.id),
  daily: deps.notifications.settings.wantsDaily(user.id),
  /** "08:00" on the Dutch clock; null without a mail server. */
  dailyAt: deps.notifications.dailyAt,
  language: deps.notifications.settings.languageOf(user.id),
})

export async function handleMailSettings(
  deps: MailSettingsApiDeps,
  user: User,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
): Promise<void> {
  if (method === 'GET') {
    sendJson(res, 200, view(deps, user))
    return
  }
  if (method !== 'PUT') throw new ApiError(405, 'method_not_allowed', 'Deze actie is hier niet toegestaan.')
  const body = await readJsonBody(req, MailSettingsBody)
  if (body.enabled !== undefined) deps.notifications.settings.setWantsMail(user.id, body.enabled)
  if (body.daily !== undefined) deps.notifications.setDaily(user.id, body.daily)
  if (body.language !== undefined) deps.notifications.settings.setLanguage(user.id, body.language)
  sendJson(res, 200, view(deps, user))
}
