// Plain-language (B1) explanations of why the server refused a change, by the reason codes of
// RefusalReason in @novex/shared (`connection:refusal.reason.<code>`). Unknown codes fall back to a
// general sentence.
import { RefusalReason } from '@novex/shared'
import type { Translate } from '../../ui/translate.ts'

const KNOWN: ReadonlySet<string> = new Set(Object.values(RefusalReason))

export function refusalText(t: Translate<'connection'>, reason: string): string {
  return t(`refusal.reason.${KNOWN.has(reason) ? reason : 'unknown'}`)
}
