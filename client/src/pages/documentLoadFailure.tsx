// What a page about one document shows instead of itself when the document cannot be had: not found
// (an invalid id, or 404: unknown and forbidden look alike), or no session / no access (401, 403).
// One place for the document page, the readiness overview, the versions and the refused changes.
import type { ReactNode } from 'react'
import type { ApiResult } from '../api/useApi.ts'
import { LoadFailure } from './LoadFailure.tsx'
import { NotFoundPage } from './NotFoundPage.tsx'

/** Null while the page can show itself (loading, loaded, or failed for a reason it shows itself). */
export function documentLoadFailure(validId: boolean, meta: ApiResult<unknown>): ReactNode | null {
  if (!validId || (meta.state === 'failed' && meta.status === 404)) return <NotFoundPage subject="document" />
  if (meta.state === 'failed' && (meta.status === 401 || meta.status === 403)) {
    return (
      <div className="page page--narrow">
        <LoadFailure status={meta.status} message={meta.message} code={meta.code} />
      </div>
    )
  }
  return null
}
