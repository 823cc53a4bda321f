// What a user's membership lets them do on a document beyond reading and writing it (access.ts): sign
// for a side, and manage the ijkmomenten as a trekker. The page asks for these once; the access watcher
// compares this key for each live connection and, when it changes, tells the page to ask again
// (MessageType.rights). The server checks both again on every request that needs them.
import type { AccountStore, User } from '../accounts/accountStore.ts'
import type { DocumentRecord } from '../persistence/documentCatalog.ts'
import { actorFor } from '../signoff/signers.ts'
import { documentScope } from './access.ts'

export function roleRightsKey(accounts: AccountStore, user: User, doc: DocumentRecord): string {
  const scope = documentScope(doc)
  const membership = scope ? accounts.membership(user.id, scope.scope, scope.scopeId) : null
  const side = actorFor(accounts, user, doc).side
  return `${side ?? '-'}|${membership?.trekker === true ? 'trekker' : '-'}`
}
