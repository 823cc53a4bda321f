// The sign-off line under a section's title: who signed, what waits for whom, what lapsed and any
// request to reopen. Changes are announced by the page's SignoffAnnouncer, not here, so a document
// with many sections does not talk over itself.
import type { SectionSignoff } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import { Icon } from '../../ui/Icon.tsx'
import { statusLines } from './signoffText.ts'

export function SignoffStatus({ state }: { readonly state: SectionSignoff }) {
  const { t } = useTranslation('signoff')
  const lines = statusLines(t, state)
  if (lines.length === 0) return null
  const locked = state.locked !== null
  return (
    <div
      className={`signoff-status${locked ? ' signoff-status--locked' : ''}`}
      data-testid="signoff-status"
      data-locked={locked ? 'true' : 'false'}
    >
      {locked && <Icon name="lock" />}
      <div className="signoff-status__lines">
        {lines.map((line) => (
          <p key={line} className="signoff-status__line">
            {line}
          </p>
        ))}
      </div>
    </div>
  )
}
