// Staff of the province of Limburg, added with the administration CLI: they may always open their
// province's voorstel (their organisation's), but are a member of no area, so not of De Peel.
import { expect } from 'vitest'
import { runCli } from './cli.ts'
import type { RunningServer } from './server.ts'

export const LIMBURG_PLANNER = { email: 'planner@limburg.example', password: 'een-lang-wachtwoord' } as const

export async function addLimburgPlanner(server: RunningServer): Promise<void> {
  const steps: [string[], string?][] = [
    [
      [
        'org:add',
        '--id',
        'provincie-limburg',
        '--name',
        'Provincie Limburg',
        '--kind',
        'provincie',
        '--province',
        'limburg',
      ],
    ],
    [
      [
        'user:add',
        '--email',
        LIMBURG_PLANNER.email,
        '--name',
        'Lies Planner',
        '--org',
        'provincie-limburg',
        '--password-stdin',
      ],
      `${LIMBURG_PLANNER.password}\n`,
    ],
  ]
  for (const [args, stdin] of steps) {
    const result = await runCli(server, args, stdin)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  }
}
