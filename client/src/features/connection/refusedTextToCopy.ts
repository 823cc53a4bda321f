// The text "Tekst kopiëren" in the refused-text dialog puts on the clipboard.
import type { RefusedSection } from '../../collab/replayPending.ts'

/** Per section its title (when there are several), what was added to the title, and the text. */
export function textToCopy(sections: readonly RefusedSection[]): string {
  return sections
    .map((s) =>
      [sections.length > 1 ? s.title : '', s.titleText !== '' ? `Titel: ${s.titleText}` : '', s.text]
        .filter((line) => line !== '')
        .join('\n'),
    )
    .join('\n\n')
}
