// Runs one phase of the plan against one server, and names the documents a phase uses (the runner
// creates them in our catalog once per repetition: one seeding process instead of one per phase).
import { largeDocument } from './b4Document.ts'
import type { Figures } from './figures.ts'
import { joinPhase } from './joinPhase.ts'
import type { GeneratorProcess } from './load/generatorProcess.ts'
import { memoryPhase } from './memoryPhase.ts'
import type { Phase } from './plan.ts'
import { isOurServer } from './servers/ourServer.ts'
import type { ServerTarget } from './servers/serverTarget.ts'
import { storagePhase } from './storagePhase.ts'
import { typingPhase } from './typingPhase.ts'

/** Document names are fresh for every phase and server, so that no phase sees another's state. */
export const phasePrefix = (tag: string): string => `bench-${tag}`

export function documentNames(phase: Phase, tag: string): string[] {
  const prefix = phasePrefix(tag)
  const numbered = (count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
  switch (phase.run.kind) {
    case 'typing':
      return numbered(phase.run.spec.rooms)
    case 'memory':
      return numbered(phase.run.spec.documents)
    case 'join':
      return [prefix]
    case 'storage':
      return [prefix]
  }
}

export async function runPhase(
  phase: Phase,
  generator: GeneratorProcess,
  server: ServerTarget,
  tag: string,
): Promise<Figures> {
  const prefix = phasePrefix(tag)
  const run = phase.run
  if (run.kind === 'storage') {
    if (!isOurServer(server)) throw new Error('storage is measured on our server only')
    return storagePhase(generator, server, prefix, run.spec)
  }
  if (run.kind === 'typing') return typingPhase(generator, server, prefix, run.spec)
  if (run.kind === 'memory') return memoryPhase(generator, server, prefix, run.spec)
  return joinPhase(generator, server, prefix, { ...run.spec, updateFile: largeDocument(run.operations).file })
}
