import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { openDatabase } from './persistence/database.ts'
import { createSqliteDocumentStore } from './persistence/sqliteDocumentStore.ts'
const dir = mkdtempSync('/work/main/test/.cb-')
const db = openDatabase(dir)
db.prepare("INSERT INTO documents (id, kind, title, created_at) VALUES ('d1','ontwikkelperspectief','x',0)").run()
const store = createSqliteDocumentStore(db)
const upd = new Uint8Array(40).fill(7)
store.appendMany([{ documentId: 'd1', updates: [upd] }])
const ids = Array.from({ length: Number(process.argv[2] ?? 1200) }, (_, i) => `seed-${i}`)
const t0 = performance.now()
execFileSync(process.execPath, ['--import', 'tsx', '/work/main/test/bench/servers/seedDocuments.ts', dir], { input: JSON.stringify(ids), cwd: '/work/main/test' })
console.log('seeded in', (performance.now() - t0).toFixed(0), 'ms')
const { statSync } = await import('node:fs')
console.log('wal bytes', statSync(`${dir}/novex.sqlite-wal`).size, 'db bytes', statSync(`${dir}/novex.sqlite`).size)
const t: number[] = []
for (let i = 0; i < 1500; i++) {
  const s = performance.now()
  store.appendMany([{ documentId: 'd1', updates: [upd] }])
  t.push(performance.now() - s)
  await new Promise((r) => setTimeout(r, 2))
}
console.log('top commits', t.map((x, i) => [x, i] as const).sort((a, b) => b[0] - a[0]).slice(0, 6).map(([x, i]) => `#${i}:${x.toFixed(1)}ms`).join(' '))
console.log('wal bytes after', statSync(`${dir}/novex.sqlite-wal`).size)
