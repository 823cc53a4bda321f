// Explains a network session that did not converge: for every replica that differs from the server,
// which client ids one side has and the other lacks (state vectors), what Yjs holds back as pending
// (structs whose dependencies never arrived), the connection state and the last refusals. A failure
// then says which replica differs and why, instead of only "timed out".
import * as Y from 'yjs'
import type { Typist } from './typist.ts'

/** One line per replica that differs from `server` (empty when all equal it). */
export function describeDivergence(typists: readonly Typist[], server: Y.Doc, textOf: (doc: Y.Doc) => string): string {
  const serverText = textOf(server)
  const serverState = Y.decodeStateVector(Y.encodeStateVector(server))
  const lines: string[] = []
  for (const typist of typists) {
    const { doc, provider, refusals } = typist.client
    const text = textOf(doc)
    const state = Y.decodeStateVector(Y.encodeStateVector(doc))
    if (text === serverText && sameState(state, serverState)) continue
    const ahead = clockDiff(state, serverState)
    const behind = clockDiff(serverState, state)
    const pending = doc.store.pendingStructs
    const pendingPart = pending
      ? `pending structs missing ${[...pending.missing].map(([c, k]) => `${c}@${k}`).join(' ')}`
      : 'no pending structs'
    const lastRefusals = refusals.slice(-3).map((r) => `${r.reason}: ${r.detail}`)
    lines.push(
      `${typist.name} (client ${doc.clientID}, ${text.length} vs ${serverText.length} chars): ` +
        `has what the server lacks ${ahead || 'nothing'}; lacks ${behind || 'nothing'}; ${pendingPart}; ` +
        `pending deletes ${doc.store.pendingDs ? 'yes' : 'no'}; ` +
        `connected ${provider.wsconnected}, synced ${provider.synced}; ` +
        `${refusals.length} refusals${lastRefusals.length ? ` (last: ${lastRefusals.join(' | ')})` : ''}`,
    )
  }
  return lines.join('\n    ')
}

function sameState(a: Map<number, number>, b: Map<number, number>): boolean {
  return clockDiff(a, b) === '' && clockDiff(b, a) === ''
}

/** Client ids where `a` is ahead of `b`, as `client:bClock→aClock`. */
function clockDiff(a: Map<number, number>, b: Map<number, number>): string {
  const parts: string[] = []
  for (const [client, clock] of a) {
    const other = b.get(client) ?? 0
    if (clock > other) parts.push(`${client}:${other}→${clock}`)
  }
  return parts.join(' ')
}
