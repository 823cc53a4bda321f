// The save indicator: connecting, saving, saved or offline, announced politely to screen readers.
import { useTranslation } from 'react-i18next'
import { SAVE_STATUS_KEY, type SaveStatus } from '../../collab/saveStatus.ts'

export function SaveStatusIndicator({ status }: { readonly status: SaveStatus }) {
  const { t } = useTranslation('connection')
  return (
    <p className={`save-status save-status--${status}`} role="status">
      <span className="save-status__dot" aria-hidden="true" />
      <span data-testid="save-status">{t(SAVE_STATUS_KEY[status])}</span>
    </p>
  )
}
