// Takes De Peel through the API to the moment before its last adoption, and makes keeping its archived
// dossier fail for real: a trigger on the archive table refuses the row, as a full disk refuses a write
// (the same way test/integration/afterCommitFailure.test.ts breaks the link index).
import { openDatabase } from '@novex/server'
import { orderedSections } from '@novex/shared'
import { connectClient } from './client.ts'
import { DE_PEEL } from './documents.ts'
import type { RunningServer } from './server.ts'
import { postJson, sign } from './signoff.ts'

/** Yesterday, yyyy-mm-dd: a day of a meeting or decision the server takes (not after today in NL). */
export const yesterdayIso = (): string => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)

async function expectOk(answer: Promise<{ status: number; body: unknown }>, what: string): Promise<void> {
  const { status, body } = await answer
  if (status !== 200) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`)
}

/**
 * IJkmoment 1 to 3 opened and closed, the eight components signed by both trekkers (who are the
 * signatories), the perspective submitted, consented by both sides and adopted by the region: the
 * Rijk's adoption (`rijk`) makes it vastgesteld.
 */
export async function readyForLastAdoption(server: RunningServer, rijk: string, regio: string): Promise<void> {
  const base = `/api/documents/${DE_PEEL}`
  for (const step of ['open', 'close', 'open', 'close', 'open', 'close'])
    await expectOk(postJson(server, rijk, `${base}/review/${step}`, {}), `review ${step}`)
  const reader = connectClient(server, DE_PEEL, { cookie: regio })
  try {
    await reader.synced()
    const components = orderedSections(reader.doc).filter((s) => s.component !== null)
    if (components.length !== 8) throw new Error(`De Peel has ${components.length} components, not 8`)
    for (const { id } of components) {
      await expectOk(sign(server, rijk, DE_PEEL, id), `sign ${id} (Rijk)`)
      await expectOk(sign(server, regio, DE_PEEL, id), `sign ${id} (regio)`)
    }
  } finally {
    reader.destroy()
  }
  await expectOk(postJson(server, rijk, `${base}/status/submit`, {}), 'submit')
  const decision = { date: yesterdayIso(), reference: 'BO-MIRT najaar 2026' }
  await expectOk(postJson(server, rijk, `${base}/status/consent`, decision), 'consent (Rijk)')
  await expectOk(postJson(server, regio, `${base}/status/consent`, decision), 'consent (regio)')
  await expectOk(
    postJson(server, regio, `${base}/status/adopt`, { date: yesterdayIso(), reference: 'Besluit GS 2026-123' }),
    'adopt (regio)',
  )
}

const TRIGGER = 'test_refuse_archive'

/** From now on the server cannot keep an archived dossier: its write fails with `message`. */
export function refuseArchiving(dataDir: string, message = 'schijf vol'): void {
  const db = openDatabase(dataDir)
  try {
    db.exec(
      `CREATE TRIGGER IF NOT EXISTS ${TRIGGER} BEFORE INSERT ON archived_dossiers BEGIN SELECT RAISE(FAIL, '${message}'); END`,
    )
  } finally {
    db.close()
  }
}

/** The server can keep archived dossiers again. */
export function allowArchiving(dataDir: string): void {
  const db = openDatabase(dataDir)
  try {
    db.exec(`DROP TRIGGER IF EXISTS ${TRIGGER}`)
  } finally {
    db.close()
  }
}
