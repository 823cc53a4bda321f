// "Naar de reacties", beside "Naar de inhoud" at the top of the document page: to the heading of the
// comments panel, as Ctrl+Alt+Shift+A does from outside the text (useCommentsPanelKeys).
import { useTranslation } from 'react-i18next'
import { PageSkipLink } from '../../layout/PageSkipLink.tsx'
import { COMMENTS_PANEL_ID, COMMENTS_PANEL_SHORTCUT, focusPanelHeading } from './commentsPanelFocus.ts'

export function CommentsSkipLink() {
  const { t } = useTranslation('comments')
  return (
    <PageSkipLink
      target={COMMENTS_PANEL_ID}
      keyShortcuts={COMMENTS_PANEL_SHORTCUT}
      testId="skip-to-comments"
      onActivate={focusPanelHeading}
    >
      {t('panel.skipLink')}
    </PageSkipLink>
  )
}
