// "Meldingen per e-mail" in the user menu: on, the user gets an e-mail when someone mentions them in a
// comment or replies in a thread they wrote in, asks them to sign a section, signs the last signature
// of a section or reopens it, changes a section they signed, opens or closes an ijkmoment, or records a
// status decision (who gets which: docs/comments.md). Shown only where the server can send e-mail.
// Saved at once; a failure puts the box back and says so. The mail is written in the interface's
// language: when the server has another one for this user (another browser, or the language switch),
// this browser's is saved.
import { isLanguage, type Language } from '@novex/shared'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchMailSettings, saveMailLanguage, saveMailSettings } from '../api/mailSettings.ts'

export function MailSetting() {
  const { t, i18n } = useTranslation('session')
  const id = useId()
  const [wanted, setWanted] = useState<boolean | null>(null)
  const [mailLanguage, setMailLanguage] = useState<Language | null>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    const abort = new AbortController()
    fetchMailSettings(abort.signal)
      .then((settings) => {
        if (abort.signal.aborted || !settings.available) return
        setWanted(settings.enabled)
        setMailLanguage(settings.language)
      })
      // Not offered when it cannot be read; nothing else depends on it.
      .catch(() => {})
    return () => abort.abort()
  }, [])
  const uiLanguage = i18n.language
  useEffect(() => {
    // The pseudo-locale of the tests is no language to write mail in.
    if (mailLanguage === null || uiLanguage === mailLanguage || !isLanguage(uiLanguage)) return
    saveMailLanguage(uiLanguage)
      .then((settings) => setMailLanguage(settings.language))
      // The mail stays in the language it had; the next page load tries again.
      .catch(() => {})
  }, [mailLanguage, uiLanguage])
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
