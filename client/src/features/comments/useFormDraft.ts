// Whether a reply or edit form is open and what it holds, with its unsent text kept as a draft on every
// change (commentDrafts.ts). So the text outlives the form: Escape closes it and keeps the text ("Concept
// bewaard" beside the button that opens it again), and a form left open by going to another page, or
// hidden by a filter, is open again with its text when its card comes back. Sending or "Annuleren"
// forgets it. A new thread's form has more to keep (where it is, a suggestion): SectionComments.tsx.
import { useState } from 'react'
import { type CommentDrafts, type DraftPlace, hasOwnText } from './commentDrafts.ts'

export interface FormDraft {
  readonly open: boolean
  readonly text: string
  /** Opened with text kept from before: the form says so, and how to throw it away. */
  readonly restored: boolean
  /** Closed while its text is kept: the button that opens the form says so. */
  readonly waiting: boolean
  /** The browser would not keep the text (storage full or switched off): the form says so and stays open. */
  readonly notKept: boolean
  /** The form is open with text of the person's own: leaving the page asks first. */
  readonly unsent: boolean
  /** Opens the form with the kept text, or with `baseline`. */
  start(): void
  change(text: string): void
  /** Escape: closes the form, keeping its text. False when it could not be kept: the form stays open. */
  putAside(): boolean
  /** Sent, or "Annuleren": closes the form and forgets its text. */
  close(): void
}

interface State {
  readonly open: boolean
  readonly text: string
  readonly restored: boolean
  readonly waiting: boolean
  readonly notKept: boolean
}

/** `baseline`: what the form opens with when nothing is kept ('' for a reply, the message for an edit). */
export function useFormDraft(drafts: CommentDrafts | null, place: DraftPlace, baseline: string): FormDraft {
  const [state, setState] = useState<State>(() => {
    // A form left open (another page, a filter, a reload) opens again as it was; one put aside stays closed.
    const kept = drafts?.read(place) ?? null
    return kept === null
      ? { open: false, text: baseline, restored: false, waiting: false, notKept: false }
      : { open: kept.open, text: kept.body, restored: kept.open, waiting: !kept.open, notKept: false }
  })
  const start = { body: baseline, suggestable: null }
  const own = (text: string): boolean => hasOwnText({ body: text, suggestion: null }, start)

  return {
    ...state,
    unsent: state.open && own(state.text),
    start() {
      const kept = drafts?.read(place) ?? null
      if (kept !== null) drafts?.keep(place, kept, true)
      setState({ open: true, text: kept?.body ?? baseline, restored: kept !== null, waiting: false, notKept: false })
    },
    change(text) {
      let kept = true
      if (own(text)) kept = drafts?.keep(place, { body: text, suggestion: null }, true) ?? false
      else drafts?.discard(place)
      setState((current) => ({ ...current, text, notKept: !kept }))
    },
    putAside() {
      if (!own(state.text)) {
        drafts?.discard(place)
        setState({ open: false, text: baseline, restored: false, waiting: false, notKept: false })
        return true
      }
      if (!(drafts?.keep(place, { body: state.text, suggestion: null }, false) ?? false)) {
        setState((current) => ({ ...current, notKept: true }))
        return false
      }
      setState((current) => ({ ...current, open: false, restored: false, waiting: true, notKept: false }))
      return true
    },
    close() {
      drafts?.discard(place)
      setState({ open: false, text: baseline, restored: false, waiting: false, notKept: false })
    },
  }
}
