// The server's administration CLI: `pnpm --filter @novex/server cli <command> [--flags]`. It opens the
// same SQLite file as the server (DATA_DIR); a running server notices membership changes within 2 s.
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { createAccountStore } from '../accounts/accountStore.ts'
import { createSessionStore } from '../accounts/sessionStore.ts'
import { readConfig } from '../config.ts'
import { openDatabase } from '../persistence/database.ts'
import { createDocumentCatalog } from '../persistence/documentCatalog.ts'
import { createSqliteDocumentStore } from '../persistence/sqliteDocumentStore.ts'
import { COMMANDS, UsageError } from './commands.ts'

const CLI_BUSY_TIMEOUT_MS = 5_000

const [command, ...rest] = process.argv.slice(2)
const entry = command ? COMMANDS[command] : undefined
if (!entry) {
  process.stderr.write('Gebruik: pnpm --filter @novex/server cli <opdracht> [opties]\n\nOpdrachten:\n')
  for (const [name, { help }] of Object.entries(COMMANDS)) process.stderr.write(`  ${name} ${help}\n`)
  process.exit(command ? 2 : 0)
}

const config = readConfig(process.env, process.cwd())
// The CLI may wait for the server's write lock longer than the server waits for the CLI's.
const db = openDatabase(config.dataDir, CLI_BUSY_TIMEOUT_MS)
try {
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      oin: { type: 'string' },
      province: { type: 'string' },
      area: { type: 'string' },
      email: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string' },
      title: { type: 'string' },
      signatory: { type: 'boolean' },
      trekker: { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
    },
  })
  await entry.run(
    {
      db,
      accounts: createAccountStore(db),
      sessions: createSessionStore(db),
      catalog: createDocumentCatalog(db),
      store: createSqliteDocumentStore(db),
      actor: `cli:${userInfo().username}`,
      out: (line) => process.stdout.write(`${line}\n`),
      readStdin: async () => {
        let text = ''
        for await (const chunk of process.stdin) text += String(chunk)
        return text
      },
    },
    values,
  )
} catch (error) {
  const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error)
  process.stderr.write(`Fout: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = usage ? 2 : 1
} finally {
  db.close()
}
