// The save indicator: connecting, saving, saved or offline, announced politely to screen readers.
import { SAVE_STATUS_TEXT, type SaveStatus } from '../../collab/saveStatus.ts'

export function SaveStatusIndicator({ status }: { readonly status: SaveStatus }) {
  return (
    <p className={`save-status save-status--${status}`} role="status">
      <span className="save-status__dot" aria-hidden="true" />
      <span data-testid="save-status">{SAVE_STATUS_TEXT[status]}</span>
    </p>
  )
}
