// Re-checks live connections when rights may have changed, so a revoked or downgraded member is
// closed or downgraded within two seconds. Changes made by the CLI (another process) are noticed
// through SQLite's `data_version`, which moves whenever another connection commits; changes made by
// this process call `recheck()` directly. Expiry is checked on a slower timer.
import { CloseCode } from '@novex/shared'
import type { Logger } from 'pino'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import type { SessionStore } from '../accounts/sessionStore.ts'
import type { Db } from '../persistence/database.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import type { RoomManager } from '../rooms/roomManager.ts'
import { documentAccess } from './access.ts'

export interface AccessWatcherDeps {
  readonly db: Db
  readonly accounts: AccountStore
  readonly sessions: SessionStore
  readonly catalog: DocumentCatalog
  readonly rooms: RoomManager
  /** The membership's rights beyond access (roleRights.ts); a change is passed on to the page. */
  readonly roleRights?: (user: User, doc: DocumentRecord) => string
  readonly logger: Logger
  readonly pollMs?: number
  readonly expiryCheckMs?: number
}

export interface AccessWatcher {
  recheck(): void
  stop(): void
}

export function startAccessWatcher(deps: AccessWatcherDeps): AccessWatcher {
  let version = dataVersion(deps.db)
  const recheck = (): void => {
    for (const { room, peer } of deps.rooms.livePeers()) {
      const doc = deps.catalog.get(room.id)
      const user = deps.accounts.getUser(peer.user.id)
      if (!deps.sessions.isLive(peer.sessionHash) || !user || user.disabled) {
        deps.logger.info({ peer: peer.id, user: peer.user.id, documentId: room.id }, 'session ended; closing')
        peer.close(CloseCode.unauthenticated, 'session ended')
        continue
      }
      const access = doc ? documentAccess(deps.accounts, user, doc) : null
      if (access === null) {
        deps.logger.info({ peer: peer.id, user: user.id, documentId: room.id }, 'access revoked; closing')
        peer.close(CloseCode.forbidden, 'access revoked')
      } else if (access !== peer.access) {
        deps.logger.info({ peer: peer.id, user: user.id, from: peer.access, to: access }, 'access changed')
        peer.setAccess(access)
      }
      if (access !== null && doc && deps.roleRights) peer.setRoleRights(deps.roleRights(user, doc))
    }
  }
  const poll = setInterval(() => {
    const now = dataVersion(deps.db)
    if (now === version) return
    version = now
    recheck()
  }, deps.pollMs ?? 500)
  const expiry = setInterval(recheck, deps.expiryCheckMs ?? 30_000)
  poll.unref()
  expiry.unref()
  return {
    recheck,
    stop: () => {
      clearInterval(poll)
      clearInterval(expiry)
    },
  }
}

function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number
}
