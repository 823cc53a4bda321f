// A refused change as the server keeps it and answers it (GET /api/documents/<id>/refused-changes): the
// author's own, with per section the text it tried to add (refusedText). One shape for both sides.

export interface RefusedChangeSection {
  readonly sectionId: string
  readonly title: string
  readonly text: string
}

export interface RefusedChange {
  readonly id: number
  /** Milliseconds since the epoch. */
  readonly at: number
  /** A RefusalReason code. */
  readonly reason: string
  /** Empty when the change added no text, or the server kept none for it. */
  readonly sections: readonly RefusedChangeSection[]
}
