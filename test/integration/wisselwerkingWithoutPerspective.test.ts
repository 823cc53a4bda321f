// The wisselwerking of an area for someone who may open a voorstel of it but for whom there is no
// perspective to show: staff of a province (who may always open its voorstel) without membership of the
// area, and an area whose perspective was not created yet. The answer says which, so that the page can
// tell the reader why there is no matrix (test/e2e/links.test.ts shows the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'
import { api } from '../helpers/comments.ts'
import { VOORSTEL_LIMBURG } from '../helpers/documents.ts'
import { addLimburgPlanner, LIMBURG_PLANNER } from '../helpers/provinceStaff.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'

interface Answer {
  readonly perspective: unknown
  readonly perspectiveMissing?: string
  readonly voorstellen: readonly { readonly documentId: string }[]
  readonly links: readonly unknown[]
}

/** Adds the Limburg planner and logs her in. */
async function limburgPlanner(server: RunningServer): Promise<string> {
  await addLimburgPlanner(server)
  return login(server, LIMBURG_PLANNER.email, LIMBURG_PLANNER.password)
}

describe('with the demo: the perspective exists, the reader is no member of the area', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server.stop()
    server.cleanup()
  })

  it('answers without the perspective, says "no-access", and lists the voorstel the reader may open', async () => {
    const cookie = await limburgPlanner(server)
    const answer = await api<Answer>(server, cookie, 'GET', '/api/areas/de-peel/wisselwerking')
    expect(answer.status).toBe(200)
    expect(answer.body.perspective).toBeNull()
    expect(answer.body.perspectiveMissing).toBe('no-access')
    expect(answer.body.voorstellen.map((v) => v.documentId)).toEqual([VOORSTEL_LIMBURG])
    // Nothing of the perspective leaks through its links either.
    expect(answer.body.links).toEqual([])
    // A member sees the perspective, and no reason.
    const member = await login(server, DEMO.provincieAuteur)
    const full = await api<Answer>(server, member, 'GET', '/api/areas/de-peel/wisselwerking')
    expect(full.body.perspective).not.toBeNull()
    expect(full.body).not.toHaveProperty('perspectiveMissing')
  })
})

describe('without the demo: the area has no perspective yet', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ demo: false })
  })
  afterAll(async () => {
    await server.stop()
    server.cleanup()
  })

  it('answers without the perspective and says "absent"', async () => {
    const cookie = await limburgPlanner(server)
    const added = await runCli(server, [
      'doc:add',
      '--id',
      VOORSTEL_LIMBURG,
      '--kind',
      'ruimtelijk-voorstel',
      '--title',
      'Ruimtelijk voorstel Limburg',
      '--province',
      'limburg',
    ])
    expect(added.stderr).toBe('')
    const answer = await api<Answer>(server, cookie, 'GET', '/api/areas/zuid-limburg/wisselwerking')
    expect(answer.status).toBe(200)
    expect(answer.body.perspective).toBeNull()
    expect(answer.body.perspectiveMissing).toBe('absent')
    expect(answer.body.voorstellen.map((v) => v.documentId)).toEqual([VOORSTEL_LIMBURG])
  })
})
