// Whether a user wants notification e-mail (migration v14): on unless they turned it off.
import type { Db } from '../persistence/database.ts'

export interface MailSettings {
  wantsMail(userId: string): boolean
  setWantsMail(userId: string, enabled: boolean): void
}

export function createMailSettings(db: Db): MailSettings {
  const read = db.prepare('SELECT enabled FROM mail_settings WHERE user_id = ?')
  const write = db.prepare(
    'INSERT INTO mail_settings (user_id, enabled) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled',
  )
  return {
    wantsMail: (userId) => {
      const row = read.get(userId) as { enabled: number } | undefined
      return row === undefined || row.enabled === 1
    },
    setWantsMail: (userId, enabled) => {
      write.run(userId, enabled ? 1 : 0)
    },
  }
}
