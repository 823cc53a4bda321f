// The "Sneltoetsen" panel beside the document: the shortcuts this user can use here (documentShortcuts.ts).
import { Trans, useTranslation } from 'react-i18next'
import { type ShortcutRights, shortcutsFor } from './documentShortcuts.ts'

const KBD = [<kbd key="0" />, <kbd key="1" />, <kbd key="2" />, <kbd key="3" />, <kbd key="4" />]
const TOC = [<strong key="toc" />]

export function DocumentShortcuts(rights: ShortcutRights) {
  const { t } = useTranslation('documents')
  return (
    <div className="panel panel--quiet" data-testid="shortcuts">
      <h2 className="panel__title">{t('shortcuts.title')}</h2>
      {shortcutsFor(rights).map((key) => (
        <p key={key} className="hint" data-shortcut={key}>
          <Trans t={t} i18nKey={`shortcuts.${key}`} components={key === 'toc' ? TOC : KBD} />
        </p>
      ))}
    </div>
  )
}
