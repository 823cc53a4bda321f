// A user's notification e-mail settings (migrations v14, v15): whether they want it (on unless they
// turned it off), and the language it is written in (that of their interface, which the client reports;
// Dutch until it did).
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@novex/shared'
import type { Db } from '../persistence/database.ts'

export interface MailSettings {
  wantsMail(userId: string): boolean
  setWantsMail(userId: string, enabled: boolean): void
  languageOf(userId: string): Language
  setLanguage(userId: string, language: Language): void
}

interface Row {
  enabled: number
  language: string | null
}

export function createMailSettings(db: Db): MailSettings {
  const read = db.prepare('SELECT enabled, language FROM mail_settings WHERE user_id = ?')
  const writeEnabled = db.prepare(
    'INSERT INTO mail_settings (user_id, enabled) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled',
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
    languageOf: (userId) => {
      const language = row(userId)?.language
      return isLanguage(language) ? language : DEFAULT_LANGUAGE
    },
    setLanguage: (userId, language) => {
      writeLanguage.run(userId, language)
    },
  }
}
