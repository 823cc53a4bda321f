// A plain-text field for a comment with @-mention autocomplete: typing "@" and the start of a name
// lists the area's members; arrow keys choose, Enter or Tab inserts "@Name ", Escape closes the list.
// Ctrl+Enter sends the form; Escape with the list closed is the form's to handle (`onEscape`: it
// closes the form and keeps the text as a draft, commentDrafts.ts). The text field keeps the focus
// while the list is open: it is the combobox of the WAI-ARIA 1.2 pattern with an editable field
// (role="combobox", aria-expanded, aria-autocomplete="list", aria-controls and aria-activedescendant
// pointing into the listbox), so a screen reader says the person that is highlighted; a short polite
// status says how many people were found.
import { COMMENT_LIMITS, type Member } from '@novex/shared'
import { Textarea } from '@rijkshuisstijl-community/components-react'
import { forwardRef, type KeyboardEvent, useId, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { mentionQueryAt } from './commentText.ts'

export interface MentionTextareaProps {
  readonly value: string
  readonly onChange: (value: string) => void
  readonly members: readonly Member[]
  readonly label: string
  readonly onSubmit: () => void
  /** Escape while no list is open. */
  readonly onEscape: () => void
  readonly describedBy?: string
  readonly invalid?: boolean
}

export interface MentionTextareaHandle {
  focus(): void
}

export const MentionTextarea = forwardRef<MentionTextareaHandle, MentionTextareaProps>(function MentionTextarea(
  { value, onChange, members, label, onSubmit, onEscape, describedBy, invalid = false },
  ref,
) {
  const { t } = useTranslation('comments')
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  const [caret, setCaret] = useState(0)
  const [active, setActive] = useState(0)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  const fieldId = useId()
  const listId = useId()
  const hintId = useId()

  useImperativeHandle(ref, () => ({ focus: () => textareaRef.current?.focus() }), [])

  // After a name is chosen the caret goes behind it, once the new text is on the page and before the
  // next key is handled (a key typed in between would otherwise land at the end of the text).
  const [placeCaret, setPlaceCaret] = useState<{ readonly at: number } | null>(null)
  useLayoutEffect(() => {
    if (placeCaret === null) return
    textareaRef.current?.focus()
    textareaRef.current?.setSelectionRange(placeCaret.at, placeCaret.at)
  }, [placeCaret])

  const query = mentionQueryAt(value, caret)
  const matches =
    query === null || dismissedAt === query.start
      ? []
      : members.filter((m) => m.name.toLocaleLowerCase('nl').includes(query.query.toLocaleLowerCase('nl'))).slice(0, 8)
  const open = matches.length > 0
  const activeIndex = Math.min(active, matches.length - 1)

  const choose = (member: Member): void => {
    if (query === null) return
    const insert = `@${member.name} `
    const next = value.slice(0, query.start) + insert + value.slice(caret)
    const nextCaret = query.start + insert.length
    onChange(next)
    setCaret(nextCaret)
    setActive(0)
    setPlaceCaret({ at: nextCaret })
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const delta = event.key === 'ArrowDown' ? 1 : -1
        setActive((activeIndex + delta + matches.length) % matches.length)
        return
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const member = matches[activeIndex]
        if (member && !event.ctrlKey && !event.metaKey) {
          event.preventDefault()
          choose(member)
          return
        }
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        setDismissedAt(query?.start ?? null)
        return
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      onSubmit()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onEscape()
    }
  }

  const track = (): void => setCaret(textareaRef.current?.selectionStart ?? 0)
  const optionId = (index: number): string => `${listId}-${index}`

  return (
    <div className="mention-field">
      <label htmlFor={fieldId} className="utrecht-form-label mention-field__label">
        {label}
      </label>
      <Textarea
        ref={textareaRef}
        id={fieldId}
        data-testid="comment-body"
        className="mention-field__input"
        // What the person types is user content.
        translate="no"
        rows={3}
        maxLength={COMMENT_LIMITS.bodyChars}
        value={value}
        invalid={invalid}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        // A textarea as the combobox: the list pops up from the text being typed, and the field keeps
        // the focus. No aria-multiline: a combobox does not take it (the field still takes line breaks).
        role="combobox"
        aria-expanded={open}
        aria-autocomplete="list"
        aria-haspopup="listbox"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        onChange={(event) => {
          onChange(event.target.value)
          setCaret(event.target.selectionStart)
          setDismissedAt(null)
        }}
        onKeyDown={handleKeyDown}
        onKeyUp={track}
        onClick={track}
        onSelect={track}
      />
      <p id={hintId} className="hint mention-field__hint">
        <Trans t={t} i18nKey="mention.hint" components={{ kbd: <kbd /> }} />
      </p>
      {open && (
        <div id={listId} role="listbox" className="mention-list" aria-label={t('mention.list')}>
          {matches.map((member, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard chooses in the text field (arrows, Enter), as a combobox does.
            <div
              key={member.userId}
              id={optionId(index)}
              role="option"
              // Never focused itself: the text field keeps the focus and points here (aria-activedescendant).
              tabIndex={-1}
              aria-selected={index === activeIndex}
              className={`mention-list__option${index === activeIndex ? ' mention-list__option--active' : ''}`}
              // People's and organisations' names are user content.
              translate="no"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(member)}
            >
              {`${member.name} `}
              <span className="mention-list__org">{`(${member.organisationName})`}</span>
            </div>
          ))}
        </div>
      )}
      <p className="visually-hidden" role="status">
        {open ? t('mention.found', { count: matches.length }) : ''}
      </p>
    </div>
  )
})
