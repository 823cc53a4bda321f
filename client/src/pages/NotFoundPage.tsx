import { Link } from 'react-router'

export function NotFoundPage({ what = 'Deze pagina' }: { readonly what?: string }) {
  return (
    <div className="page page--narrow">
      <title>Niet gevonden — NOVEX Co-auteur</title>
      <h1>Niet gevonden</h1>
      <p className="lead">{what} bestaat niet (meer), of het adres klopt niet.</p>
      <p>
        <Link to="/">Naar het overzicht van documenten</Link>
      </p>
    </div>
  )
}
