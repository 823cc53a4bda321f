// `pnpm test:faults [--quick] [--only=<suite>]`: the fault and abuse suite against the real server
// process and a real SQLite file. Prints every case as it runs, then the summary table; exits non-zero
// when a case did not survive or an acknowledged update is missing or duplicated.
import { parseArgs } from 'node:util'
import { contentInjectionSuite } from './contentInjection.ts'
import { crashDurabilitySuite } from './crashDurability.ts'
import { hostileInputSuite } from './hostileInput.ts'
import { networkFaultSuite } from './networkFaults.ts'
import { rateLimitSuite } from './rateLimits.ts'
import { reconnectHerdSuite } from './reconnectHerd.ts'
import { Report } from './report.ts'
import { FULL, QUICK, type Sizes } from './sizes.ts'
import { soakSuite } from './soak.ts'
import { storageFaultSuite } from './storageFaults.ts'

type Suite = (report: Report, sizes: Sizes) => Promise<void>

// Ordered so that, in two lanes, the long suites (crash, storage, network, soak) are spread evenly.
const SUITES: Readonly<Record<string, Suite>> = {
  hostile: hostileInputSuite,
  crash: crashDurabilitySuite,
  limits: rateLimitSuite,
  storage: storageFaultSuite,
  network: networkFaultSuite,
  content: contentInjectionSuite,
  soak: soakSuite,
  reconnect: reconnectHerdSuite,
}

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  strict: true,
})
const sizes = values.quick ? QUICK : FULL
const chosen = values.only ? values.only.split(',') : Object.keys(SUITES)
const report = new Report()
const started = Date.now()

process.stdout.write(`NOVEX fault suite, ${sizes.name} size: ${JSON.stringify(sizes)}\n\n`)
for (const name of chosen) {
  if (!SUITES[name]) throw new Error(`unknown suite ${name}; known: ${Object.keys(SUITES).join(', ')}`)
}

/** Runs suites one after another; `lanes` such queues run side by side (the CI size uses two). */
const runLane = async (names: readonly string[]): Promise<void> => {
  for (const name of names) {
    const suite = SUITES[name]
    if (!suite) continue
    try {
      await suite(report, sizes)
    } catch (error) {
      // A suite that cannot even set up counts as one failed case.
      await report.run(name, 'setup', () => Promise.reject(error))
    }
  }
}
const lanes = Array.from({ length: sizes.lanes }, (_, lane) => chosen.filter((_, i) => i % sizes.lanes === lane))
await Promise.all(lanes.map(runLane))
process.stdout.write(`\n${report.table()}\n\n${sizes.name} size, ${Math.round((Date.now() - started) / 1000)} s\n`)
process.exit(report.passed ? 0 : 1)
