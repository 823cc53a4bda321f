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
import { BackupError, restoreFrom } from './backup.ts'
import { COMMANDS, UsageError } from './commands.ts'

const CLI_BUSY_TIMEOUT_MS = 5_000

const RESTORE_HELP = '--from BESTAND   (server eerst stoppen; de huidige database blijft ernaast bewaard)'

const [command, ...rest] = process.argv.slice(2)
const entry = command ? COMMANDS[command] : undefined
if (!entry && command !== 'restore') {
  process.stderr.write('Gebruik: pnpm --filter @novex/server cli <opdracht> [opties]\n\nOpdrachten:\n')
  for (const [name, { help }] of Object.entries(COMMANDS)) process.stderr.write(`  ${name} ${help}\n`)
  process.stderr.write(`  restore ${RESTORE_HELP}\n`)
  process.exit(command ? 2 : 0)
}

const config = readConfig(process.env, process.cwd())

// Restore replaces the database file, so it runs before anything opens it.
if (command === 'restore') {
  try {
    const { values } = parseArgs({ args: rest, strict: true, options: { from: { type: 'string' } } })
    if (!values.from) throw new UsageError('--from is verplicht')
    const restored = restoreFrom(config.dataDir, values.from)
    process.stdout.write(
      `Hersteld uit ${values.from}: ${restored.documents} document(en), schemaversie ${restored.schemaVersion}. ` +
        `De vorige database staat in ${restored.kept}.\n`,
    )
    for (const problem of restored.corrupt) process.stdout.write(`Let op, beschadigd: ${problem}\n`)
  } catch (error) {
    process.stderr.write(`Fout: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = error instanceof UsageError || error instanceof BackupError ? 2 : 1
  }
  process.exit()
}
if (!entry) process.exit(2)
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
      to: { type: 'string' },
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
  const usage =
    error instanceof UsageError || error instanceof BackupError || (error instanceof TypeError && 'code' in error)
  process.stderr.write(`Fout: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = usage ? 2 : 1
} finally {
  db.close()
}
