// Announces a refused change politely (WCAG 4.1.3): a live region that is always in the page, so the
// message is read when it changes, without moving the focus from the text the user is typing. The
// visible RefusalNotice (or the refused-text dialog) says the same at length.
import { useTranslation } from 'react-i18next'
import type { NumberedRefusal } from '../../collab/createCollab.ts'
import { refusalText } from './refusalText.ts'

export function RefusalAnnouncer({ refusals }: { readonly refusals: readonly NumberedRefusal[] }) {
  const { t } = useTranslation('connection')
  const latest = refusals.at(-1)
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="refusal-announcer">
      {latest ? t('refusal.announce', { why: refusalText(t, latest.reason) }) : ''}
    </div>
  )
}
