// Whether a Yjs type was deleted, itself or with one of the types around it (a removed paragraph or
// table): a comment anchor that resolves into it has lost its text.
import type * as Y from 'yjs'
import { AbstractType } from 'yjs'

export function isDeletedType(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item !== null; item = item.parent instanceof AbstractType ? item.parent._item : null)
    if (item.deleted) return true
  return false
}
