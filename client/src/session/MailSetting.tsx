// "Meldingen per e-mail" in the user menu: on, the user gets an e-mail when someone mentions them in a
// comment or replies in a thread they wrote in, asks them to sign a section, signs the last signature
// of a section or reopens it, changes a section they signed, opens or closes an ijkmoment, or records a
// status decision (who gets which: docs/comments.md). Beside it, while it is on, "Reacties één keer per
// dag (08:00)": the mentions and replies then come in one mail per document at that time, instead of
// within minutes; the rest (sign-off above all) still comes at once. Shown only where the server can send
// e-mail. Saved at once; a failure puts the box back and says so. The mail is written in the interface's
// language: when the server has another one for this user (another browser, or the language switch),
// this browser's is saved.
import { isLanguage, type Language } from '@novex/shared'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchMailSettings, type MailSettings, saveMailLanguage, saveMailSettings } from '../api/mailSettings.ts'

type Choice = 'enabled' | 'daily'

export function MailSetting() {
  const { t, i18n } = useTranslation('session')
  const id = useId()
  const [settings, setSettings] = useState<MailSettings | null>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState<Choice | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    fetchMailSettings(abort.signal)
      .then((read) => {
        if (!abort.signal.aborted && read.available) setSettings(read)
      })
      // Not offered when it cannot be read; nothing else depends on it.
      .catch(() => {})
    return () => abort.abort()
  }, [])
  const mailLanguage: Language | null = settings?.language ?? null
  const uiLanguage = i18n.language
  useEffect(() => {
    // The pseudo-locale of the tests is no language to write mail in.
    if (mailLanguage === null || uiLanguage === mailLanguage || !isLanguage(uiLanguage)) return
    saveMailLanguage(uiLanguage)
      .then(setSettings)
      // The mail stays in the language it had; the next page load tries again.
      .catch(() => {})
  }, [mailLanguage, uiLanguage])
  if (settings === null) return null

  const change = async (choice: Choice, next: boolean): Promise<void> => {
    const before = settings
    setBusy(true)
    setFailed(null)
    setSettings({ ...before, [choice]: next })
    try {
      setSettings(await saveMailSettings(choice === 'enabled' ? { enabled: next } : { daily: next }))
    } catch {
      setSettings(before)
      setFailed(choice)
    } finally {
      setBusy(false)
    }
  }
  const box = (choice: Choice, label: string) => (
    <span className="user-menu__mail-choice">
      <input
        id={`${id}-${choice}`}
        type="checkbox"
        data-testid={choice === 'enabled' ? 'mail-setting' : 'mail-daily'}
        checked={settings[choice]}
        disabled={busy}
        aria-describedby={failed === choice ? `${id}-error` : undefined}
        onChange={(e) => void change(choice, e.target.checked)}
      />
      <label htmlFor={`${id}-${choice}`}>{label}</label>
    </span>
  )
  return (
    <div className="user-menu__mail">
      {box('enabled', t('userMenu.mail'))}
      {settings.enabled && box('daily', t('userMenu.mailDaily', { time: settings.dailyAt }))}
      {failed !== null && (
        <span id={`${id}-error`} role="alert" className="user-menu__mail-error">
          {t('userMenu.mailFailed')}
        </span>
      )}
    </div>
  )
}
