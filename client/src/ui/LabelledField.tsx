// A labelled form field in the NL Design System's markup: the label, the control, a hint under it and
// an error message under that. The field owns the ids (useId) and hands the control its id and an
// aria-describedby listing the hint and the error that are shown, with `invalid` (while there is an
// error) and `required`, which the design system's Textarea and TextInput write as aria-invalid and
// aria-required. Named apart from the design system's FormField, which it wraps.
import { FormField } from '@rijkshuisstijl-community/components-react'
import { type ReactNode, useId } from 'react'

/**
 * What the field hands its control. Spread it onto an NL Design System control (Textarea, TextInput):
 * those derive aria-invalid and aria-required from `invalid` and `required`, and would override the
 * aria attributes if given directly. A native element takes `id` and `aria-describedby`.
 */
export interface FieldControlProps {
  readonly id: string
  /** The hint's and the error's ids, when shown; undefined when neither is. */
  readonly 'aria-describedby': string | undefined
  readonly invalid: boolean
  readonly required: boolean
}

/** Set on the error message when it carries the server's own (Dutch) words: see `wordsAttributes`. */
export interface ErrorAttributes {
  readonly lang?: string
  readonly translate?: 'no'
}

export interface LabelledFieldProps {
  readonly label: string
  /** Renders the control with the props the field gives it. */
  readonly children: (control: FieldControlProps) => ReactNode
  /** On the field's outer element, after the design system's own classes. */
  readonly className?: string
  /** A short text under the control, read with it (aria-describedby). */
  readonly hint?: string
  /** The hint's class; the app's plain `hint` when not given. */
  readonly hintClassName?: string
  /** What is wrong with the value; the field is invalid while there is one. */
  readonly error?: string | null
  readonly errorAttributes?: ErrorAttributes
  /** Handed to the control (aria-required and the design system's required style); the label is unchanged. */
  readonly required?: boolean
}

export function LabelledField({
  label,
  children,
  className,
  hint,
  hintClassName = 'hint',
  error,
  errorAttributes,
  required = false,
}: LabelledFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const invalid = error !== undefined && error !== null
  const describedBy = [hint !== undefined ? hintId : null, invalid ? errorId : null].filter((x) => x !== null)
  const control = children({
    id,
    'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
    invalid,
    required,
  })
  return (
    <FormField
      id={id}
      className={className}
      label={label}
      invalid={invalid}
      // The design system's field asks for these ids; it writes them only with its own description,
      // status and error props, which this field does not use (it renders the hint and error itself).
      descriptionId={hintId}
      errorMessageId={errorId}
      statusId={`${id}-status`}
      input={control}
    >
      {hint !== undefined && (
        <p id={hintId} className={hintClassName}>
          {hint}
        </p>
      )}
      {/* Said at once (role=alert): the field's description is read only on focus. */}
      {invalid && (
        <p id={errorId} className="utrecht-form-field-error-message" role="alert" {...errorAttributes}>
          {error}
        </p>
      )}
    </FormField>
  )
}
