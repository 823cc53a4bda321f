// When the server ends the connection for good (no access, logged out, document gone), says so and
// what to do; the page stops reconnecting.
import { CloseCode } from '@novex/shared'
import type { CollabState } from '../../collab/createCollab.ts'

export function ConnectionNotice({ closed }: { readonly closed: CollabState['closed'] }) {
  if (closed === null) return null
  return (
    <div
      className="notice notice--error notice--floating"
      role="alert"
      data-testid="connection-closed"
      data-code={closed.code}
    >
      <h2 className="notice__title">De verbinding met de server is beëindigd</h2>
      <p>{explain(closed.code)}</p>
      <p className="notice__detail">Wat u nog niet had opgeslagen, blijft in deze browser bewaard.</p>
    </div>
  )
}

function explain(code: number): string {
  switch (code) {
    case CloseCode.unauthenticated:
      return 'Uw sessie is verlopen. Log opnieuw in en open het document dan weer.'
    case CloseCode.forbidden:
      return 'U heeft geen toegang (meer) tot dit document. Vraag de trekker van het gebied om toegang.'
    case CloseCode.notFound:
      return 'Dit document bestaat niet (meer) op de server.'
    default:
      return `De server heeft de verbinding gesloten (code ${code}). Laad de pagina opnieuw om het nog eens te proberen.`
  }
}
