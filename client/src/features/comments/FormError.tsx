// A form's error in the NL Design System's error-message style, said at once (role="alert"), with an
// id the field points to (aria-describedby). Nothing is rendered without an error, so the alert
// fires when one appears.
import { FormFieldErrorMessage } from '@rijkshuisstijl-community/components-react'

export function FormError({ id, message }: { readonly id?: string; readonly message: string | null }) {
  if (message === null) return null
  return (
    <FormFieldErrorMessage id={id} className="form-error" role="alert">
      {message}
    </FormFieldErrorMessage>
  )
}
