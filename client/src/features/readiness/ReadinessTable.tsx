// The eight required components against the BO-MIRT conditions: present, not empty, signed by the
// Rijk, signed by the province, locked. Every cell says "Ja" or "Nee" in words (with an icon), so
// colour is never the only signal; the verdict sits above the table.
import { COMPONENTS } from '@novex/shared'
import type { Readiness, ReadinessComponent } from '../../api/signoff.ts'
import { Icon } from '../../ui/Icon.tsx'

const COLUMNS = [
  { key: 'present', label: 'Aanwezig' },
  { key: 'nonEmpty', label: 'Niet leeg' },
  { key: 'signedRijk', label: 'Ondertekend door het Rijk' },
  { key: 'signedProvincie', label: 'Ondertekend door de provincie' },
  { key: 'locked', label: 'Vergrendeld' },
] as const

export function readinessVerdict(readiness: Readiness): string {
  const locked = readiness.components.filter((c) => c.locked).length
  const total = COMPONENTS.length
  return readiness.ready && locked === total
    ? 'Gereed voor BO-MIRT'
    : `Nog niet gereed: ${locked} van ${total} onderdelen vergrendeld`
}

export function ReadinessTable({ readiness }: { readonly readiness: Readiness }) {
  const verdict = readinessVerdict(readiness)
  const ready = verdict === 'Gereed voor BO-MIRT'
  const byKey = new Map(readiness.components.map((c) => [c.component, c]))
  return (
    <div data-testid="readiness">
      <p
        className={`readiness-verdict readiness-verdict--${ready ? 'ready' : 'not-ready'}`}
        data-testid="readiness-verdict"
        data-ready={ready ? 'true' : 'false'}
        role="status"
      >
        <Icon name={ready ? 'check' : 'lock'} />
        {verdict}
      </p>
      <div className="table-scroll">
        <table className="readiness-table">
          <caption className="visually-hidden">De acht verplichte onderdelen en hun stand van ondertekening</caption>
          <thead>
            <tr>
              <th scope="col">Onderdeel</th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {COMPONENTS.map(({ key, title }) => {
              const row = byKey.get(key)
              return (
                <tr key={key} data-component={key}>
                  <th scope="row">{row?.label ?? title}</th>
                  {COLUMNS.map((c) => (
                    <YesNoCell key={c.key} value={row ? row[c.key] : false} />
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function YesNoCell({ value }: { readonly value: ReadinessComponent['present'] }) {
  return (
    <td className={value ? 'yes' : 'no'}>
      <Icon name={value ? 'check' : 'close'} size={16} />
      {value ? 'Ja' : 'Nee'}
    </td>
  )
}
