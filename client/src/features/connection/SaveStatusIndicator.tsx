// The save indicator: connecting, saving, saved or offline, announced politely to screen readers. It
// subscribes to the save state itself, so only it re-renders when a keystroke is saving and then saved.
import { useTranslation } from 'react-i18next'
import type { Collab } from '../../collab/createCollab.ts'
import { SAVE_STATUS_KEY, saveStatusOf } from '../../collab/saveStatus.ts'
import { useCollabValue } from '../../collab/useCollabValue.ts'

export function SaveStatusIndicator({ collab }: { readonly collab: Collab | null }) {
  const { t } = useTranslation('connection')
  const status = useCollabValue(collab, saveStatusOf)
  return (
    <p className={`save-status save-status--${status}`} role="status">
      <span className="save-status__dot" aria-hidden="true" />
      <span data-testid="save-status">{t(SAVE_STATUS_KEY[status])}</span>
    </p>
  )
}
