// "Meldingen per e-mail" in the user menu: on, the user gets an e-mail when someone mentions them in a
// comment or replies in a thread they wrote in, asks them to sign a section, signs the last signature
// of a section, opens or closes an ijkmoment, or records a status decision (who gets which:
// docs/comments.md). Shown only where the server can send e-mail. Saved at once; a failure puts the box
// back and says so.
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchMailSettings, saveMailSettings } from '../api/mailSettings.ts'

export function MailSetting() {
  const { t } = useTranslation('session')
  const id = useId()
  const [wanted, setWanted] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    const abort = new AbortController()
    fetchMailSettings(abort.signal)
      .then((settings) => {
        if (!abort.signal.aborted) setWanted(settings.available ? settings.enabled : null)
      })
      // Not offered when it cannot be read; nothing else depends on it.
      .catch(() => {})
    return () => abort.abort()
  }, [])
  if (wanted === null) return null
  const change = async (next: boolean): Promise<void> => {
    setBusy(true)
    setFailed(false)
    setWanted(next)
    try {
      setWanted((await saveMailSettings(next)).enabled)
    } catch {
      setWanted(!next)
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="user-menu__mail">
      <input
        id={id}
        type="checkbox"
        data-testid="mail-setting"
        checked={wanted}
        disabled={busy}
        aria-describedby={failed ? `${id}-error` : undefined}
        onChange={(e) => void change(e.target.checked)}
      />
      <label htmlFor={id}>{t('userMenu.mail')}</label>
      {failed && (
        <span id={`${id}-error`} role="alert" className="user-menu__mail-error">
          {t('userMenu.mailFailed')}
        </span>
      )}
    </div>
  )
}
