// A section link in refused or unsaved text, in the page's language: the text this page added holds
// each link it added as a mark (collab/addedLink.ts), named here as the version comparison names a link
// ("[koppeling: § 2 Hoofdopgave en ambitie]"). A section of this document by its number and title; one of
// another document by what the page knows of it (links/knownTargets.ts: picked here, or linked before),
// else as "a section of another document". Shown, copied and posted as a comment alike, so a refused
// link is never dropped silently.
import { type AddedLink, splitAddedLinks } from '../../collab/addedLink.ts'
import type { Translate } from '../../ui/translate.ts'
import { type KnownTargets, NO_KNOWN_TARGETS } from '../links/knownTargets.ts'
import { sectionLabel } from '../links/linkText.ts'

/** `text` with each link mark in it named. */
export function withLinkNames(
  t: Translate<'connection'>,
  text: string,
  known: KnownTargets = NO_KNOWN_TARGETS,
): string {
  return splitAddedLinks(text)
    .map((piece) => (typeof piece === 'string' ? piece : linkName(t, piece, known)))
    .join('')
}

function linkName(t: Translate<'connection'>, link: AddedLink, known: KnownTargets): string {
  return t('refused.link', { target: targetName(t, link, known) })
}

function targetName(t: Translate<'connection'>, link: AddedLink, known: KnownTargets): string {
  if (link.here) return sectionLabel(t, link.here.number, link.here.title)
  const elsewhere = known(link.documentId, link.sectionId)
  if (elsewhere === undefined) return t('refused.linkElsewhere')
  const section = sectionLabel(t, elsewhere.number, elsewhere.title)
  return elsewhere.documentTitle === ''
    ? section
    : t('refused.linkInDocument', { section, document: elsewhere.documentTitle })
}
