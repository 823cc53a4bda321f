// Under the title of an ontwikkelperspectief: which of the eight required components are missing
// (or present twice).
import { checkComponents, type OrderedSection } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import { Icon } from '../../ui/Icon.tsx'

export function ComponentCheck({ sections }: { readonly sections: readonly OrderedSection[] }) {
  const { t } = useTranslation('sections')
  const { missing, duplicated } = checkComponents(sections.map((s) => s.component))
  if (missing.length === 0 && duplicated.length === 0) {
    return (
      <p className="component-check component-check--complete" data-testid="component-check">
        <Icon name="check" />
        {t('check.complete')}
      </p>
    )
  }
  return (
    <div className="component-check component-check--incomplete" data-testid="component-check">
      {missing.length > 0 && (
        <>
          <p>{t('check.missing', { count: missing.length })}</p>
          <ul>
            {missing.map((key) => (
              <li key={key}>{t(`components.${key}`)}</li>
            ))}
          </ul>
        </>
      )}
      {duplicated.length > 0 && (
        <>
          <p>{t('check.duplicated')}</p>
          <ul>
            {duplicated.map((key) => (
              <li key={key}>{t(`components.${key}`)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
