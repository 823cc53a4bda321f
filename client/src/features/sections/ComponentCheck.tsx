// Under the title of an ontwikkelperspectief: which of the eight required components are missing
// (or present twice).
import { checkComponents, componentTitle, type OrderedSection } from '@novex/shared'
import { Icon } from '../../ui/Icon.tsx'

export function ComponentCheck({ sections }: { readonly sections: readonly OrderedSection[] }) {
  const { missing, duplicated } = checkComponents(sections.map((s) => s.component))
  if (missing.length === 0 && duplicated.length === 0) {
    return (
      <p className="component-check component-check--complete" data-testid="component-check">
        <Icon name="check" />
        Alle acht verplichte onderdelen zijn aanwezig.
      </p>
    )
  }
  return (
    <div className="component-check component-check--incomplete" data-testid="component-check">
      {missing.length > 0 && (
        <>
          <p>
            {missing.length === 1
              ? 'Er ontbreekt één verplicht onderdeel:'
              : `Er ontbreken ${missing.length} verplichte onderdelen:`}
          </p>
          <ul>
            {missing.map((key) => (
              <li key={key}>{componentTitle(key)}</li>
            ))}
          </ul>
        </>
      )}
      {duplicated.length > 0 && (
        <>
          <p>Deze onderdelen staan er meer dan één keer in:</p>
          <ul>
            {duplicated.map((key) => (
              <li key={key}>{componentTitle(key)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
