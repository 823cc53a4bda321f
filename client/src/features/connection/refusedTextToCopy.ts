// The text "Tekst kopiëren" in the refused-text dialog puts on the clipboard, and "Niet-opgeslagen tekst
// kopiëren" in the closed-connection notice: per section the title, what was added to it, and the text
// (each section link added to it named, refusedLinkText.ts).
import type { RefusedSection } from '../../collab/replayPending.ts'
import type { Translate } from '../../ui/translate.ts'
import type { KnownTargets } from '../links/knownTargets.ts'
import { withLinkNames } from './refusedLinkText.ts'

/** Per section its title (when there are several), what was added to the title, and the text. */
export function textToCopy(
  t: Translate<'connection'>,
  sections: readonly Pick<RefusedSection, 'title' | 'titleText' | 'text'>[],
  known?: KnownTargets,
): string {
  return sections
    .map((s) =>
      [
        sections.length > 1 ? s.title : '',
        s.titleText !== '' ? t('refused.copyTitle', { text: s.titleText }) : '',
        withLinkNames(t, s.text, known),
      ]
        .filter((line) => line !== '')
        .join('\n'),
    )
    .join('\n\n')
}
