// The append-only audit log: every administrative change and every security-relevant event.
import type { Db } from '../persistence/database.ts'

export interface AuditEvent {
  readonly actor: string
  readonly action: string
  readonly subject?: string | null
  readonly details?: Readonly<Record<string, unknown>>
}

export type Audit = (event: AuditEvent) => void

export function createAudit(db: Db, now: () => number = Date.now): Audit {
  const insert = db.prepare<[number, string, string, string | null, string]>(
    'INSERT INTO audit_events (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)',
  )
  return (event) => {
    insert.run(now(), event.actor, event.action, event.subject ?? null, JSON.stringify(event.details ?? {}))
  }
}
