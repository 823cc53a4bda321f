// A user's notification e-mail settings (migrations v14–v16): whether they want it (on unless they
// turned it off), whether their mentions and replies wait for the daily mail (off unless they turned it
// on), and the language it is written in (that of their interface, which the client reports; Dutch
// until it did).
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@novex/shared'
import type { Db } from '../persistence/database.ts'

export interface MailSettings {
  wantsMail(userId: string): boolean
  setWantsMail(userId: string, enabled: boolean): void
  wantsDaily(userId: string): boolean
  setWantsDaily(userId: string, daily: boolean): void
  languageOf(userId: string): Language
  setLanguage(userId: string, language: Language): void
}

interface Row {
  enabled: number
  daily: number
  language: string | null
}

export function createMailSettings(db: Db): MailSettings {
  const read = db.prepare('SELECT enabled, daily, language FROM mail_settings WHERE user_id = ?')
  // A user without a row has the defaults (the columns' defaults, and mail on): one setting changes.
  const writeEnabled = db.prepare(
    'INSERT INTO mail_settings (user_id, enabled) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled',
  )
  const writeDaily = db.prepare(
    'INSERT INTO mail_settings (user_id, enabled, daily) VALUES (?, 1, ?) ON CONFLICT (user_id) DO UPDATE SET daily = excluded.daily',
  )
  const writeLanguage = db.prepare(
    'INSERT INTO mail_settings (user_id, enabled, language) VALUES (?, 1, ?) ON CONFLICT (user_id) DO UPDATE SET language = excluded.language',
  )
  const row = (userId: string): Row | undefined => read.get(userId) as Row | undefined
  return {
    wantsMail: (userId) => {
      const found = row(userId)
      return found === undefined || found.enabled === 1
    },
    setWantsMail: (userId, enabled) => {
      writeEnabled.run(userId, enabled ? 1 : 0)
    },
    wantsDaily: (userId) => row(userId)?.daily === 1,
    setWantsDaily: (userId, daily) => {
      writeDaily.run(userId, daily ? 1 : 0)
    },
    languageOf: (userId) => {
      const language = row(userId)?.language
      return isLanguage(language) ? language : DEFAULT_LANGUAGE
    },
    setLanguage: (userId, language) => {
      writeLanguage.run(userId, language)
    },
  }
}
