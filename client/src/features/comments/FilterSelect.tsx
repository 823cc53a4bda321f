// One filter of the comments panel: an NL Design System form field (label above a select, the
// Utrecht/Rijkshuisstijl select styling). The select itself carries the data-testid the browser
// tests choose options on; FormFieldSelect would put it on the wrapper, where no option can be chosen.
import type { ReactNode } from 'react'
import { LabelledField } from '../../ui/LabelledField.tsx'

export interface FilterSelectProps {
  readonly label: string
  readonly testId: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly children: ReactNode
}

export function FilterSelect({ label, testId, value, onChange, children }: FilterSelectProps) {
  return (
    <LabelledField className="comments-filter" label={label}>
      {({ id }) => (
        <div className="utrecht-form-field__input">
          <select
            id={id}
            className="utrecht-select utrecht-select--html-select"
            data-testid={testId}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          >
            {children}
          </select>
        </div>
      )}
    </LabelledField>
  )
}
