// The administration CLI creates the first real organisation, user, membership and document, and every
// change lands in the audit log. This is the README's path for a deployment without the demo.
import { openDatabase } from '@novex/server'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { login } from '../helpers/session.ts'

let server: RunningServer

beforeAll(async () => {
  server = await startServer({ demo: false })
})

afterAll(async () => {
  await server.stop()
  server.cleanup()
})

it('sets up a deployment without the demo: organisation, user, membership, document', async () => {
  const steps: [string[], string?][] = [
    [
      [
        'org:add',
        '--id',
        'ministerie-vro',
        '--name',
        'Ministerie van VRO',
        '--kind',
        'rijk',
        '--oin',
        '00000001003214345000',
      ],
    ],
    [
      [
        'user:add',
        '--email',
        'eerste@vro.example',
        '--name',
        'Eerste Gebruiker',
        '--org',
        'ministerie-vro',
        '--password-stdin',
      ],
      'een-lang-wachtwoord\n',
    ],
    [
      [
        'doc:add',
        '--id',
        'ontwikkelperspectief-regio-zwolle',
        '--kind',
        'ontwikkelperspectief',
        '--title',
        'Ontwikkelperspectief Regio Zwolle',
        '--area',
        'regio-zwolle',
      ],
    ],
    [
      [
        'member:set',
        '--email',
        'eerste@vro.example',
        '--area',
        'regio-zwolle',
        '--role',
        'auteur',
        '--signatory',
        '--trekker',
      ],
    ],
  ]
  for (const [args, stdin] of steps) {
    const result = await runCli(server, args, stdin)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  }
  const cookie = await login(server, 'eerste@vro.example', 'een-lang-wachtwoord')
  const docs = (await (await fetch(`${server.httpUrl}/api/documents`, { headers: { cookie } })).json()) as {
    id: string
    access: string
  }[]
  expect(docs).toEqual([
    {
      id: 'ontwikkelperspectief-regio-zwolle',
      kind: 'ontwikkelperspectief',
      title: 'Ontwikkelperspectief Regio Zwolle',
      areaId: 'regio-zwolle',
      access: 'edit',
      available: true,
    },
  ])

  const db = openDatabase(server.dataDir)
  const actions = db
    .prepare<[], { action: string }>('SELECT action FROM audit_events ORDER BY id')
    .all()
    .map((r) => r.action)
  db.close()
  expect(actions).toEqual(
    expect.arrayContaining(['organisation.create', 'user.create', 'membership.set', 'session.login']),
  )
})

it('answers bad input with a Dutch message and exit code 2, and changes nothing', async () => {
  const bad = await runCli(server, [
    'member:set',
    '--email',
    'eerste@vro.example',
    '--area',
    'regio-zwolle',
    '--role',
    'baas',
  ])
  expect(bad.code).toBe(2)
  expect(bad.stderr).toContain('onbekende rol')
  const unknown = await runCli(server, ['user:password', '--email', 'niemand@vro.example'])
  expect(unknown.code).toBe(2)
  expect(unknown.stderr).toContain('Geen gebruiker')
  const list = await runCli(server, ['list'])
  expect(list.stdout).toContain('area:regio-zwolle=auteur+ondertekenaar+trekker')
})
