// The name others see at your caret and in the presence list (kept in this browser's localStorage).
import { type FormEvent, useEffect, useId, useState } from 'react'

export interface UserNameFieldProps {
  readonly name: string
  readonly onChange: (name: string) => void
}

export function UserNameField({ name, onChange }: UserNameFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState(name)
  useEffect(() => setDraft(name), [name])

  const commit = (value: string): void => {
    if (value.trim() !== '') onChange(value.trim())
  }
  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    commit(draft)
  }

  return (
    <form className="user-name" onSubmit={handleSubmit}>
      <label htmlFor={id}>Uw naam</label>
      <input
        id={id}
        data-testid="user-name"
        type="text"
        autoComplete="name"
        value={draft}
        maxLength={60}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setDraft(event.target.value)
          commit(event.target.value)
        }}
        onBlur={() => setDraft(name)}
      />
      <p id={`${id}-hint`} className="hint">
        Anderen zien deze naam bij uw cursor.
      </p>
    </form>
  )
}
