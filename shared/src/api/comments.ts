// POST /api/documents/<id>/comments: the body that opens a comment thread.
import type { CommentAnchor } from '../comments/commentTypes.ts'

export interface NewThread {
  readonly sectionId: string
  readonly anchor: CommentAnchor
  /** The selected text as the writer saw it; with a suggestion, the server reads it from the document. */
  readonly quote: string
  readonly body: string
  /** User ids to mention (the server keeps those of the document's members); the server reads absent as none. */
  readonly mentions: readonly string[]
  /** Proposed wording for the selected text (within one paragraph); absent: a comment only. */
  readonly suggestion?: string | undefined
}
