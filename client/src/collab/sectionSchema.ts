// The ProseMirror schema of a section's content, for work on the content outside an editor (the
// replay after a refusal). It must describe the same nodes and marks as the section editors' Tiptap
// extensions, so both come from editor/contentSchema.ts; content the schema does not know is detected
// and never dropped (see replayPending).
import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { contentSchemaExtensions } from '../editor/contentSchema.ts'

export function createSectionSchema(): Schema {
  return getSchema(contentSchemaExtensions())
}
