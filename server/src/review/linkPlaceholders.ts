// Section links in a word diff. A link holds no text (sectionTextRuns gives it as its target), yet a
// reviewer must see one added or removed. So while two versions are compared each link target stands in
// the text as one character that neither version's text holds (Unicode's private use area): the word diff
// takes it as one word, never splits it, and matches the same target in both versions. Afterwards each
// such character becomes a part of its own with `link` set (linkLabels.ts names it for the reader).
import type { DiffPart, LinkedSection, SectionTextRun } from '@novex/shared'

/** The private use area of the Basic Multilingual Plane: one UTF-16 unit each, one token for jsdiff. */
const FIRST = 0xe000
const LAST = 0xf8ff

/** What a link part reads as until it is named for a reader. */
export const UNNAMED_LINK = '[koppeling]'

export interface LinkPlaceholders {
  /** The runs as text, each link as its placeholder. */
  text(runs: readonly SectionTextRun[]): string
  /** The parts with every placeholder taken out as a link part of its own, with the flags of its part. */
  expand(parts: readonly DiffPart[]): DiffPart[]
}

/** Placeholders for the links of `texts` (every text a comparison reads), none a character they hold. */
export function linkPlaceholders(texts: readonly (readonly SectionTextRun[])[]): LinkPlaceholders {
  const used = new Set<number>()
  for (const runs of texts)
    for (const run of runs) {
      if (typeof run !== 'string') continue
      for (let i = 0; i < run.length; i++) {
        const code = run.charCodeAt(i)
        if (code >= FIRST && code <= LAST) used.add(code)
      }
    }
  const byKey = new Map<string, string>()
  const byChar = new Map<string, LinkedSection>()
  let next = FIRST
  const placeholder = (link: LinkedSection): string => {
    const key = `${link.documentId}\u0000${link.sectionId}`
    const known = byKey.get(key)
    if (known !== undefined) return known
    while (used.has(next)) next++
    // 6,400 different targets in one comparison: beyond that a link reads as words, without its target.
    if (next > LAST) return ` ${UNNAMED_LINK} `
    const char = String.fromCharCode(next++)
    byKey.set(key, char)
    byChar.set(char, { documentId: link.documentId, sectionId: link.sectionId })
    return char
  }
  return {
    text: (runs) => runs.map((run) => (typeof run === 'string' ? run : placeholder(run))).join(''),
    expand(parts) {
      if (byChar.size === 0) return [...parts]
      const out: DiffPart[] = []
      for (const part of parts) {
        const flags = part.added ? { added: true as const } : part.removed ? { removed: true as const } : {}
        let text = ''
        for (const char of part.value) {
          const link = byChar.get(char)
          if (link === undefined) {
            text += char
            continue
          }
          if (text !== '') out.push({ value: text, ...flags })
          text = ''
          out.push({ value: UNNAMED_LINK, ...flags, link })
        }
        if (text !== '') out.push({ value: text, ...flags })
      }
      return out
    },
  }
}
