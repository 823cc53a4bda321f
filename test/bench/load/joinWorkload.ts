// Large-document join: one client uploads the document, a holder keeps it open (so every server has it in
// memory), then fresh joiners measure socket open → step 2 received: sequential, then simultaneous. With
// `coldLoad` the holder leaves, the runner waits until the server unloaded the room, and one more join
// measures the load from storage. A full client checks the content once (and after the cold load).
import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import type { Endpoint } from '../servers/serverTarget.ts'
import { typingTarget } from './benchDocument.ts'
import { until } from './connectAll.ts'
import { FrameCounter } from './frameCounter.ts'
import { FullClient } from './fullClient.ts'
import { startLoadMeter } from './generatorLoad.ts'
import { LightViewer } from './lightViewer.ts'
import type { JoinResult, JoinSpec } from './messages.ts'

const UPLOAD_TIMEOUT_MS = 120_000

async function timedJoin(
  endpoint: Endpoint,
  name: string,
  counter: FrameCounter,
): Promise<{ ms: number; bytes: number }> {
  const opened = performance.now()
  const viewer = new LightViewer(endpoint, name, counter)
  const syncedAt = await viewer.synced
  const bytes = viewer.stateBytes
  await viewer.close()
  return { ms: syncedAt - opened, bytes }
}

async function hasContent(
  endpoint: Endpoint,
  name: string,
  textLength: number,
  counter: FrameCounter,
): Promise<boolean> {
  const client = new FullClient(endpoint, name, counter)
  await client.synced
  const ok = await until(() => {
    try {
      return typingTarget(client.doc).length === textLength
    } catch {
      // The section has not arrived yet.
      return false
    }
  }, UPLOAD_TIMEOUT_MS)
  await client.close()
  return ok
}

export async function runJoin(
  endpoint: Endpoint,
  name: string,
  spec: JoinSpec,
  checkpoint: (name: string) => Promise<unknown>,
): Promise<JoinResult> {
  const counter = new FrameCounter()
  const update = new Uint8Array(readFileSync(spec.updateFile))
  const probe = new Y.Doc()
  Y.applyUpdate(probe, update)
  const textLength = typingTarget(probe).length
  probe.destroy()
  const uploader = new FullClient(endpoint, name, counter, update)
  await uploader.synced
  const uploaded = await hasContent(endpoint, name, textLength, counter)
  if (!uploaded) throw new Error('the server never had the uploaded document')
  const holder = new FullClient(endpoint, name, counter)
  await holder.synced
  await uploader.close()
  const meter = startLoadMeter()
  const sequentialMs: number[] = []
  let documentBytes = 0
  for (let i = 0; i < spec.sequentialJoins; i++) {
    const join = await timedJoin(endpoint, name, counter)
    sequentialMs.push(join.ms)
    documentBytes = join.bytes
  }
  const started = performance.now()
  const viewers = Array.from({ length: spec.simultaneousJoins }, () => new LightViewer(endpoint, name, counter))
  const syncedAt = await Promise.all(viewers.map((v) => v.synced))
  const simultaneousMs = Math.max(...syncedAt) - started
  await Promise.all(viewers.map((v) => v.close()))
  const generator = meter()
  let coldMs: number | null = null
  let contentIntact = true
  await holder.close()
  if (spec.coldLoad) {
    await checkpoint('unloaded')
    const cold = await timedJoin(endpoint, name, counter)
    contentIntact = cold.bytes >= documentBytes * 0.9 && (await hasContent(endpoint, name, textLength, counter))
    coldMs = contentIntact ? cold.ms : null
  }
  return { kind: 'join', documentBytes, sequentialMs, simultaneousMs, coldMs, contentIntact, generator }
}
