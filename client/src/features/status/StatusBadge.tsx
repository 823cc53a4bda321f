// The document header's status line of an ontwikkelperspectief ("Status: IJkmoment 2"), live, and from
// "Ter instemming" on the notice that nobody can change the text any more (the server refuses it; the
// editors are read-only, comments still work).
import { type DocumentStatus, isFrozenStatus } from '@novex/shared'
import { Trans, useTranslation } from 'react-i18next'

export function StatusBadge({ status }: { readonly status: DocumentStatus }) {
  const { t } = useTranslation('status')
  return (
    <>
      <p className="document-status" data-testid="document-status" data-status={status}>
        <Trans
          t={t}
          i18nKey="badge"
          values={{ status: t(`names.${status}`) }}
          components={{ status: <strong className="document-status__name" /> }}
        />
      </p>
      {isFrozenStatus(status) && (
        <p className="notice" role="status" data-testid="frozen-notice">
          {t(status === 'ter-instemming' ? 'frozen' : 'frozenFinal')}
        </p>
      )}
    </>
  )
}
