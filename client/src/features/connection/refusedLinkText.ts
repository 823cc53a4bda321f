// A section link in refused or unsaved text, in the page's language: the text this page added holds
// each link it added as a mark (collab/addedLink.ts), named here as the version comparison names a link
// ("[koppeling: § 2 Hoofdopgave en ambitie]"). A section of this document by its number and title; one of
// another document as such, since the page does not know its title. Shown, copied and posted as a
// comment alike, so a refused link is never dropped silently.
import { type AddedLink, splitAddedLinks } from '../../collab/addedLink.ts'
import type { Translate } from '../../ui/translate.ts'
import { sectionLabel } from '../links/linkText.ts'

/** `text` with each link mark in it named. */
export function withLinkNames(t: Translate<'connection'>, text: string): string {
  return splitAddedLinks(text)
    .map((piece) => (typeof piece === 'string' ? piece : linkName(t, piece)))
    .join('')
}

function linkName(t: Translate<'connection'>, link: AddedLink): string {
  const target = link.here ? sectionLabel(t, link.here.number, link.here.title) : t('refused.linkElsewhere')
  return t('refused.link', { target })
}
