// The fault suite's figures: one row per case, grouped per suite in the summary table. A case survives
// when the server process is still healthy and every check of the case held; `acked` and `present`
// count acknowledged updates (markers) and how many of them are in the stored document exactly once.
export interface CaseResult {
  readonly suite: string
  readonly name: string
  readonly survived: boolean
  readonly acked: number
  readonly present: number
  readonly detail: string
}

export interface CaseOutcome {
  readonly acked?: number
  readonly present?: number
  readonly detail?: string
}

export class Report {
  readonly results: CaseResult[] = []

  /** Runs one case; an exception means the case did not survive, with the error as its detail. */
  async run(suite: string, name: string, work: () => Promise<CaseOutcome | undefined>): Promise<void> {
    const started = Date.now()
    try {
      const outcome = (await work()) ?? {}
      const acked = outcome.acked ?? 0
      const present = outcome.present ?? 0
      this.add({ suite, name, survived: acked === present, acked, present, detail: outcome.detail ?? '' })
    } catch (error) {
      // The first line, or the first two when the first ends in a colon (a log excerpt follows).
      const lines = error instanceof Error ? error.message.split('\n') : [String(error)]
      const detail = lines[0]?.endsWith(':') ? lines.slice(0, 3).join(' ').slice(0, 600) : (lines[0] ?? '')
      this.add({ suite, name, survived: false, acked: 0, present: 0, detail })
    }
    const last = this.results.at(-1)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    process.stdout.write(
      `  ${last?.survived ? 'ok  ' : 'FAIL'} ${suite} / ${name} (${seconds} s)${last?.detail ? ` — ${last.detail}` : ''}\n`,
    )
  }

  private add(result: CaseResult): void {
    this.results.push(result)
  }

  get passed(): boolean {
    return this.results.every((r) => r.survived && r.acked === r.present)
  }

  /** The summary table (Markdown, so it can go into the README as printed). */
  table(): string {
    const suites = [...new Set(this.results.map((r) => r.suite))]
    const rows = suites.map((suite) => {
      const of = this.results.filter((r) => r.suite === suite)
      return summarise(suite, of)
    })
    rows.push(summarise('**total**', this.results))
    const header = ['suite', 'cases', 'survived', 'updates acked', 'present after recovery']
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
    const line = (cells: readonly string[]): string =>
      `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
    const rule = `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 2)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`
    return [line(header), rule, ...rows.map(line)].join('\n')
  }
}

function summarise(suite: string, results: readonly CaseResult[]): string[] {
  const sum = (pick: (r: CaseResult) => number): number => results.reduce((n, r) => n + pick(r), 0)
  return [
    suite,
    String(results.length),
    String(results.filter((r) => r.survived).length),
    sum((r) => r.acked).toLocaleString('en-US'),
    sum((r) => r.present).toLocaleString('en-US'),
  ]
}

/** Throws with `message` unless `condition` holds: the checks inside a case. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message)
}
