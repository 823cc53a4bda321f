// The wording of links: how a target is named and what each state means. One place, so the node view,
// the changes dialog, the announcer and the wisselwerking say the same thing. Texts come from the
// `links` namespace through the `t` the caller passes; section and document titles are user content.
import type { DocumentKind, LinkState } from '@novex/shared'
import type { TFunction } from 'i18next'

export const LINK_SHORTCUT = 'Control+Alt+K'

/** The picker's name for the kind of document one links from ("Koppelen aan ruimtelijk voorstel"). */
export function linkPickerLabel(t: TFunction, kind: DocumentKind | null): string {
  return t(`links:picker.${kind ?? 'ontwikkelperspectief'}`)
}

/** "§ 4 Wonen en verstedelijking"; "Zonder titel" when the title is empty. */
export function sectionLabel(t: TFunction, number: string | undefined, title: string | undefined): string {
  const name = title?.trim() ? title.trim() : t('links:untitled')
  return number ? `§ ${number} ${name}` : name
}

/** The state in words ("gewijzigd sinds koppeling"); the server's shared labels stay for its exports. */
export function stateLabel(t: TFunction, state: LinkState): string {
  return t(`links:state.${state}`)
}

/** A sentence for the live region when a link's state changed while the page was open. */
export function stateChangeSentence(t: TFunction, target: string, state: LinkState): string {
  return t(`links:announce.${state}`, { target })
}

/** The address of a section: the document page with the section as anchor. */
export function sectionHref(documentId: string, sectionId: string): string {
  return `/document/${encodeURIComponent(documentId)}#section-${encodeURIComponent(sectionId)}`
}
