// The switch between Dutch and English, in the product bar. The choice is remembered in the browser
// and sets <html lang>, so screen readers pronounce the page in the right language.
import { Button } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_LANGUAGE, htmlLang, LANGUAGE_STORAGE_KEY, type Language } from './languages.ts'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common')
  const current = htmlLang(i18n.language === 'qps' ? 'qps' : i18n.language === 'en' ? 'en' : DEFAULT_LANGUAGE)
  const next: Language = current === 'nl' ? 'en' : 'nl'
  const choose = (): void => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, next)
    void i18n.changeLanguage(next)
    document.documentElement.lang = next
  }
  return (
    <Button
      type="button"
      appearance="subtle-button"
      className="language-switch"
      lang={next}
      title={t('language.switchToHint')}
      data-testid="language-switch"
      onClick={choose}
    >
      {t('language.switchTo')}
    </Button>
  )
}
