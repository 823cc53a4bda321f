// Small tools the suites share: a raw attacker socket with a timeout on its close, metrics, the stored
// state of a document, and the demo ids.
import { voorstelId } from '@novex/server'
import * as Y from 'yjs'
import { DE_PEEL } from '../helpers/documents.ts'
import { openRaw, type RawSocket } from '../helpers/rawSocket.ts'
import { type RunningServer, type StartOptions, startServer } from '../helpers/server.ts'
import { readCommitted } from '../helpers/storage.ts'

export { DE_PEEL }
export const NOORD_BRABANT = voorstelId('noord-brabant')

/** The real server, with a start-up allowance for a CI machine that is busy with other work. */
export function startFaultServer(options: StartOptions = {}): Promise<RunningServer> {
  return startServer({ startTimeoutMs: 120_000, ...options })
}

export async function openAttacker(
  server: RunningServer,
  documentId: string,
  cookie: string,
  ip: string,
): Promise<RawSocket> {
  const outcome = await openRaw(`${server.wsUrl}/${documentId}?app=1`, { cookie, 'x-forwarded-for': ip })
  if (outcome.kind !== 'open') throw new Error(`attacker refused at the upgrade: ${outcome.status} ${outcome.body}`)
  return outcome.socket
}

/** The close code, or null when the socket is still open after `timeoutMs`. */
export async function closeCode(socket: RawSocket, timeoutMs: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs)
  })
  const code = await Promise.race([socket.closed(), timeout])
  clearTimeout(timer)
  return code
}

export async function metrics(server: RunningServer): Promise<Record<string, number>> {
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text()
  const values: Record<string, number> = {}
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue
    const [name, value] = line.split(' ')
    if (name && value) values[name.replace(/^novex_/, '')] = Number(value)
  }
  return values
}

export async function healthy(server: RunningServer): Promise<boolean> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return false
  try {
    const res = await fetch(`${server.httpUrl}/healthz`, { signal: AbortSignal.timeout(5_000) })
    return res.status === 200
  } catch {
    return false
  }
}

/** The committed state vector of a document, to prove nothing was stored. */
export function storedStateVector(server: RunningServer, documentId: string): string {
  return Buffer.from(Y.encodeStateVector(readCommitted(server.dataDir, documentId).doc)).toString('hex')
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
