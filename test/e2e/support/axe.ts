// Accessibility checks with axe-core in the real browser: WCAG 2.0/2.1 level A and AA, the level the
// law (EN 301 549) asks of government web tools. A test calls `expectAccessible(page, 'what')` on every
// page and state it opens; a violation fails with the rule, the help text and the offending nodes.
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const

export interface AxeFinding {
  readonly rule: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: readonly string[]
}

export async function axeFindings(page: Page, include?: string): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags([...WCAG_AA_TAGS])
  if (include !== undefined) builder = builder.include(include)
  const result = await builder.analyze()
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? null,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.trim()),
  }))
}

/** Throws, with a readable list, when axe finds any WCAG 2.1 A or AA violation on the page. */
export async function expectAccessible(page: Page, what: string, include?: string): Promise<void> {
  const findings = await axeFindings(page, include)
  if (findings.length === 0) return
  const list = findings
    .map((f) => `- ${f.rule} (${f.impact}): ${f.help}\n${f.nodes.map((n) => `    ${n}`).join('\n')}`)
    .join('\n')
  throw new Error(`${what}: ${findings.length} WCAG 2.1 A/AA violation(s)\n${list}`)
}
