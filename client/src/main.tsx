import '@rijkshuisstijl-community/design-tokens/dist/index.css'
import '@rijkshuisstijl-community/components-css/dist/index.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { App } from './App.tsx'
import { createI18n } from './i18n/createI18n.ts'
import { htmlLang, storedLanguage } from './i18n/languages.ts'
import './styles/base.css'
import './styles/layout.css'
import './styles/document.css'
import './styles/editor.css'
import './styles/signoff.css'
import './styles/status.css'
import './styles/print.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

const language = storedLanguage(window.localStorage)
document.documentElement.lang = htmlLang(language)
const i18n = createI18n(language)

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
)
