// The Dutch wording of links (B1): how a target is named and what each state means. One place, so the
// node view, the changes dialog, the announcer and the wisselwerking say the same thing.
import { LINK_STATE_LABELS, type LinkState } from '@novex/shared'

export const LINK_PICKER_LABEL = {
  ontwikkelperspectief: 'Koppelen aan ruimtelijk voorstel',
  'ruimtelijk-voorstel': 'Koppelen aan ontwikkelperspectief',
} as const

export const LINK_SHORTCUT = 'Control+Alt+K'

/** "§ 4 Wonen en verstedelijking"; "Zonder titel" when the title is empty. */
export function sectionLabel(number: string | undefined, title: string | undefined): string {
  const name = title?.trim() ? title.trim() : 'Zonder titel'
  return number ? `§ ${number} ${name}` : name
}

export function stateLabel(state: LinkState): string {
  return LINK_STATE_LABELS[state]
}

/** A sentence for the live region when a link's state changed while the page was open. */
export function stateChangeSentence(target: string, state: LinkState): string {
  switch (state) {
    case 'valid':
      return `De koppeling naar ${target} is weer in orde.`
    case 'suspect':
      return `${target} is gewijzigd sinds de koppeling. Bekijk wat er is veranderd.`
    case 'broken':
      return `${target} is verwijderd. De koppeling werkt niet meer.`
    case 'no-access':
      return 'U heeft geen toegang meer tot een gekoppelde sectie.'
  }
}

/** The address of a section: the document page with the section as anchor. */
export function sectionHref(documentId: string, sectionId: string): string {
  return `/document/${encodeURIComponent(documentId)}#section-${encodeURIComponent(sectionId)}`
}
