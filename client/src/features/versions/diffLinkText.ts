// How a section link reads in a version comparison or a round report: "[koppeling: § 4 Wonen en
// verstedelijking (Ruimtelijk voorstel Noord-Brabant)]". The server sends the link's target as the reader
// may see it (DiffLink); the words around it come from the catalogue, in the reader's language, as the
// diff's own "[toegevoegd: …]" do. Titles are user content: the caller marks `target` translate="no".
import { type DiffLink, type DiffLinkState, LINK_STATES } from '@novex/shared'
import type { Translate } from '../../ui/translate.ts'
import { sectionLabel } from '../links/linkText.ts'

export interface DiffLinkWords {
  /** "§ 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant)"; null when the reader may not know it. */
  readonly target: string | null
  /** The state in words when the link does not simply work ("verwijderd", "geen toegang"); else null. */
  readonly note: string | null
}

/** A state the client does not know, or none (an answer from an older server), reads as unavailable. */
function stateOf(link: DiffLink): DiffLinkState {
  const state: unknown = link.state
  return (LINK_STATES as readonly unknown[]).includes(state) && state !== 'suspect'
    ? (state as DiffLinkState)
    : 'unavailable'
}

/** The target and state of a link in a diff, in the language of `t` (bound to the `versions` namespace). */
export function diffLinkWords(t: Translate<'versions'>, link: DiffLink): DiffLinkWords {
  const state = stateOf(link)
  const note = state === 'valid' ? null : t(`links:state.${state}`)
  if (state === 'no-access') return { target: null, note }
  const section = sectionLabel(t, link.number, link.title)
  const target = link.documentTitle ? t('diff.linkInDocument', { section, document: link.documentTitle }) : section
  return { target, note }
}

/** The whole label as one text ("[koppeling: § 4 Wonen …, verwijderd]"), e.g. for a test or a title. */
export function diffLinkText(t: Translate<'versions'>, link: DiffLink): string {
  const { target, note } = diffLinkWords(t, link)
  const body = target === null ? (note ?? '') : note === null ? target : `${target}${t('diff.linkNote', { note })}`
  return `${t('diff.linkStart')}${body}${t('diff.end')}`
}
