// Says that the comment thread a link pointed to (`?reactie=`, useThreadLink) is not in the document:
// deleted, or a mistyped address. The live region is always in the page (WCAG 4.1.3), so the sentence
// is read out when it appears, without taking the focus.
import { useTranslation } from 'react-i18next'

export function ThreadLinkNotice({ missing }: { readonly missing: boolean }) {
  const { t } = useTranslation('comments')
  return (
    <div role="status" data-testid="thread-link-status">
      {missing && (
        <p className="notice notice--info" data-testid="thread-link-missing">
          {t('link.missing')}
        </p>
      )}
    </div>
  )
}
