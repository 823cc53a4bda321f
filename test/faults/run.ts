// `pnpm test:faults [--quick] [--only=<suite>]`: the fault and abuse suite against the real server
// process and a real SQLite file. Prints every case as it runs, then the summary table; exits non-zero
// when a case did not survive or an acknowledged update is missing or duplicated.
import { parseArgs } from 'node:util'
import { crashDurabilitySuite } from './crashDurability.ts'
import { hostileInputSuite } from './hostileInput.ts'
import { networkFaultSuite } from './networkFaults.ts'
import { rateLimitSuite } from './rateLimits.ts'
import { Report } from './report.ts'
import { FULL, QUICK, type Sizes } from './sizes.ts'
import { storageFaultSuite } from './storageFaults.ts'

type Suite = (report: Report, sizes: Sizes) => Promise<void>

const SUITES: Readonly<Record<string, Suite>> = {
  hostile: hostileInputSuite,
  crash: crashDurabilitySuite,
  limits: rateLimitSuite,
  storage: storageFaultSuite,
  network: networkFaultSuite,
}

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  strict: true,
})
const sizes = values.quick ? QUICK : FULL
const chosen = values.only ? values.only.split(',') : Object.keys(SUITES)
const report = new Report()
const started = Date.now()

process.stdout.write(`NOVEX fault suite, ${sizes.name} size: ${JSON.stringify(sizes)}\n`)
for (const name of chosen) {
  const suite = SUITES[name]
  if (!suite) throw new Error(`unknown suite ${name}; known: ${Object.keys(SUITES).join(', ')}`)
  process.stdout.write(`\n${name}\n`)
  try {
    await suite(report, sizes)
  } catch (error) {
    // A suite that cannot even set up counts as one failed case.
    await report.run(name, 'setup', () => Promise.reject(error))
  }
}
process.stdout.write(`\n${report.table()}\n\n${sizes.name} size, ${Math.round((Date.now() - started) / 1000)} s\n`)
process.exit(report.passed ? 0 : 1)
