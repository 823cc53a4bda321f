// `pnpm --filter @novex/test bench:client [--quick] [--profile <file.cpuprofile>] [--trace <file.json>] [--samples <file.json>]`: the client benchmark
// alone (pnpm bench runs it too), printing its figures as JSON; with --profile also a CPU profile of the
// page while typing and its top functions by self time, with --trace a Chromium trace and where the
// renderer's main thread spent its time. Sizes as in plan.ts.
import { fullPlan, quickPlan } from '../plan.ts'
import { clientBench } from './clientBench.ts'

const args = process.argv.slice(2)
const plan = args.includes('--quick') ? quickPlan() : fullPlan()
const profileAt = args.indexOf('--profile')
const cpuProfileFile = profileAt >= 0 ? args[profileAt + 1] : undefined
const traceAt = args.indexOf('--trace')
const traceFile = traceAt >= 0 ? args[traceAt + 1] : undefined
const samplesAt = args.indexOf('--samples')
const samplesFile = samplesAt >= 0 ? args[samplesAt + 1] : undefined
const started = Date.now()
const log = (line: string): void => {
  process.stderr.write(`[bench:client ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`)
}
const figures = await clientBench(plan.client, log, {
  ...(cpuProfileFile ? { cpuProfileFile } : {}),
  ...(traceFile ? { traceFile } : {}),
  ...(samplesFile ? { samplesFile } : {}),
})
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`)
process.exit(0)
