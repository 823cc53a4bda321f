// What a page calls a named version. The server's versions have a kind (the start or end of an
// ijkmoment, the submission for consent, the adoption): their name comes from the `versions` catalogue,
// in the reader's language ("Einde IJkmoment 1", "End of review checkpoint 1"). Only a version of kind
// `other` (none is made today) is known by the name stored with it, which is user content: shown as
// stored and marked translate="no".
import type { VersionKind } from '@novex/shared'
import type { ClientVersionSummary } from '../../api/comments.ts'
import type { Translate } from '../../ui/translate.ts'

export type NamedVersion = Pick<ClientVersionSummary, 'kind' | 'round' | 'name'>

/** The catalogue key of a version's name, or null when only its stored name says what it is. */
function nameKey(version: NamedVersion): `name.${Exclude<VersionKind, 'other'>}` | null {
  switch (version.kind) {
    case 'roundStart':
    case 'roundEnd':
      // A round's version without its round cannot be named from the catalogue.
      return version.round === null ? null : `name.${version.kind}`
    case 'submitted':
    case 'adopted':
      return `name.${version.kind}`
    case 'other':
      return null
  }
}

/** True when the version is shown by its stored name (user content: translate="no"). */
export function hasStoredName(version: NamedVersion): boolean {
  return nameKey(version) === null
}

/** The version's name in the language of `t` (bound to the `versions` namespace), or its stored name. */
export function versionName(t: Translate<'versions'>, version: NamedVersion): string {
  const key = nameKey(version)
  return key === null ? version.name : t(key, { round: version.round })
}
