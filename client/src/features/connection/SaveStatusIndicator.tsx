// The save indicator: connecting, saving, saved or offline, announced politely to screen readers. It
// subscribes to the save state itself, so only it re-renders when a keystroke is saving and then saved.
//
// Ctrl+S (Cmd+S): people who come from Word press it out of habit, and the browser would open its
// "save page as" dialog. Here it is caught, and the indicator says that saving happens by itself.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Collab } from '../../collab/createCollab.ts'
import { SAVE_STATUS_KEY, saveStatusOf } from '../../collab/saveStatus.ts'
import { useCollabValue } from '../../collab/useCollabValue.ts'

/** How long the "saving happens by itself" line stays after Ctrl+S. */
const SHORTCUT_HINT_MS = 6_000

function isSaveShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's'
}

export function SaveStatusIndicator({ collab }: { readonly collab: Collab | null }) {
  const { t } = useTranslation('connection')
  const status = useCollabValue(collab, saveStatusOf)
  /** Counts Ctrl+S presses, so that each press is said again; 0 = no line. */
  const [asked, setAsked] = useState(0)

  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent): void => {
      if (!isSaveShortcut(event)) return
      event.preventDefault()
      setAsked((n) => n + 1)
    }
    window.addEventListener('keydown', handleKeyDown)
    return () => window.removeEventListener('keydown', handleKeyDown)
  }, [])

  useEffect(() => {
    if (asked === 0) return
    const timer = setTimeout(() => setAsked(0), SHORTCUT_HINT_MS)
    return () => clearTimeout(timer)
  }, [asked])

  return (
    <p className={`save-status save-status--${status}`} role="status">
      <span className="save-status__dot" aria-hidden="true" />
      <span data-testid="save-status">{t(SAVE_STATUS_KEY[status])}</span>
      {asked > 0 && (
        <span key={asked} className="save-status__automatic" data-testid="save-shortcut-hint">
          {t('saveStatus.automatic')}
        </span>
      )}
    </p>
  )
}
