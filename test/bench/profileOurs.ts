// `pnpm --filter @novex/test bench:profile [hot-room|many-rooms] [N]`: one typing phase against our
// server with the CPU profiler on (loopMonitor.ts), then the functions that took the most time (self and inclusive)
// from the profile. The V8 profiler samples the main thread by wall clock, so time blocked in a
// synchronous call (an fsync inside better-sqlite3) shows up on the JS function that made the call.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GeneratorProcess } from './load/generatorProcess.ts'
import { hotRoom, manyRooms } from './plan.ts'
import { documentNames } from './runPhase.ts'
import { startOurServer } from './servers/ourServer.ts'
import { typingPhase } from './typingPhase.ts'

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
  readonly children?: readonly number[]
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

const workload = process.argv[2] ?? 'many-rooms'
const connections = Number(process.argv[3] ?? 50)
const phase = workload === 'hot-room' ? hotRoom(connections, 8_000) : manyRooms(connections, 8_000)
if (phase.run.kind !== 'typing') throw new Error('typing workloads only')
const dir = mkdtempSync(join(tmpdir(), 'novex-bench-prof-'))
const server = await startOurServer({ cpuProfilePrefix: join(dir, 'window') })
const generator = new GeneratorProcess()
try {
  await server.createDocuments(documentNames(phase, 'prof'))
  const figures = await typingPhase(generator, server, 'bench-prof', phase.run.spec)
  process.stdout.write(`${JSON.stringify({ workload, connections, ...figures })}\n`)
} finally {
  generator.stop()
  await server.stop()
}

// Interval 2 is start → measured: the typing and the drain.
const file = readdirSync(dir).find((f) => f === 'window.2.cpuprofile')
if (!file) throw new Error(`no profile in ${dir}`)
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const selfUs = new Map<number, number>()
for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
const label = (n: ProfileNode): string =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(server|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`
const self = new Map<string, number>()
const inclusive = new Map<string, number>()
const walk = (id: number, onStack: Set<string>): number => {
  const node = byId.get(id)
  if (!node) return 0
  const name = label(node)
  const own = selfUs.get(id) ?? 0
  self.set(name, (self.get(name) ?? 0) + own)
  const nested = new Set(onStack).add(name)
  let total = own
  for (const child of node.children ?? []) total += walk(child, nested)
  // Recursion: count a function once per stack.
  if (!onStack.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + total)
  return total
}
const root = profile.nodes[0]
const totalUs = root ? walk(root.id, new Set()) : 0
const top = (m: Map<string, number>, n: number): string =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([name, us]) =>
        `${((us / totalUs) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`,
    )
    .join('\n')
/** Time under the outermost frame of any function of `urlPart` (so nested calls count once). */
const under = (urlPart: string): number => {
  const visit = (id: number): number => {
    const node = byId.get(id)
    if (!node) return 0
    if (node.callFrame.url.includes(urlPart)) return subtree(id)
    return (node.children ?? []).reduce((sum, child) => sum + visit(child), 0)
  }
  return root ? visit(root.id) : 0
}
const subtree = (id: number): number =>
  (selfUs.get(id) ?? 0) + (byId.get(id)?.children ?? []).reduce((sum, child) => sum + subtree(child), 0)
const idleUs = [...self.entries()].filter(([name]) => name.startsWith('(idle)')).reduce((sum, [, us]) => sum + us, 0)
const busyUs = totalUs - idleUs
const share = (urlPart: string): string => `${((under(urlPart) / busyUs) * 100).toFixed(1)} % of busy time`
process.stdout.write(
  `\nprofile ${join(dir, file)}, ${(totalUs / 1000).toFixed(0)} ms sampled, ${(busyUs / 1000).toFixed(0)} ms busy\n`,
)
process.stdout.write(`update gate (policy/updateGate.ts): ${share('policy/updateGate.ts')}\n`)
process.stdout.write(
  `document store (persistence/sqliteDocumentStore.ts): ${share('persistence/sqliteDocumentStore.ts')}\n`,
)
process.stdout.write(
  `client-id registry (persistence/clientIdRegistry.ts): ${share('persistence/clientIdRegistry.ts')}\n`,
)
process.stdout.write(`\nself time:\n${top(self, 25)}\n\ninclusive:\n${top(inclusive, 40)}\n`)
