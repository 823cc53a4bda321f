// Creates benchmark documents in a running server's DATA_DIR with the server's own `doc:add` command,
// in one process: spawning the CLI once per document would take minutes for the 1,000-document memory
// workload. Usage: `node --import tsx seedDocuments.ts <dataDir>` with a JSON array of ids on stdin.
// The documents are ontwikkelperspectieven of the demo area De Peel, so the demo authors may edit them.

import { createSqliteDocumentStore, openDatabase } from '@novex/server'
import { createAccountStore } from '../../../server/src/accounts/accountStore.ts'
import { createSessionStore } from '../../../server/src/accounts/sessionStore.ts'
import { COMMANDS } from '../../../server/src/cli/commands.ts'
import { createDocumentCatalog } from '../../../server/src/persistence/documentCatalog.ts'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: seedDocuments.ts <dataDir> < ids.json')
let input = ''
for await (const chunk of process.stdin) input += String(chunk)
const ids = JSON.parse(input) as string[]
const addDocument = COMMANDS['doc:add']
if (!addDocument) throw new Error('the server CLI has no doc:add command')
const db = openDatabase(dataDir)
const ctx = {
  db,
  accounts: createAccountStore(db),
  sessions: createSessionStore(db),
  catalog: createDocumentCatalog(db),
  store: createSqliteDocumentStore(db),
  actor: 'bench',
  out: () => {},
  readStdin: async () => '',
}
try {
  for (const id of ids) {
    await addDocument.run(ctx, { id, kind: 'ontwikkelperspectief', title: `Benchmark ${id}`, area: 'de-peel' })
  }
} finally {
  db.close()
}
