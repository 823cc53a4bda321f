// The one refusal for a change to an ontwikkelperspectief that lies ter instemming or is adopted
// (@novex/shared isFrozen; docs/status.md), for the API's own changes: reopening a signed section, taking
// a text suggestion over. The update gate refuses client updates with RefusalReason.frozen and this text.
import { isFrozen } from '@novex/shared'
import type * as Y from 'yjs'
import { ApiError } from '../api/respond.ts'

export const FROZEN_MESSAGE =
  'Dit ontwikkelperspectief ligt ter instemming of is vastgesteld en kan niet meer worden gewijzigd. Een trekker kan de aanbieding intrekken zolang Rijk en regio nog niet beiden hebben ingestemd.'

export function requireNotFrozen(doc: Y.Doc): void {
  if (isFrozen(doc)) throw new ApiError(409, 'document_frozen', FROZEN_MESSAGE)
}
