// Says why the document cannot be edited when this connection may only comment or read.
import type { Access } from '@novex/shared'

export function AccessNotice({ access }: { readonly access: Access | null }) {
  if (access === null || access === 'edit') return null
  return (
    <p className="notice notice--info" data-testid="access-notice">
      {access === 'comment'
        ? 'U leest mee: u kunt dit document lezen, maar niet wijzigen.'
        : 'U kunt dit document alleen lezen.'}
    </p>
  )
}
