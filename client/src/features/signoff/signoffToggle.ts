// The document header's button to the sign-off panel. For a signatory it is the action ("Ondertekenen",
// the page's primary button); for everyone else, who cannot sign, it names what the panel shows ("Ondertekening":
// the state of the sign-offs), as a secondary button, so no one is offered an action they cannot take.

export interface SignoffToggle {
  /** Key in the `documents` namespace. */
  readonly label: 'page.signoff' | 'page.signoffOverview'
  readonly appearance: 'primary-action-button' | 'secondary-action-button'
}

/** `signatory`: whether the user signs this document; null while not known (then no action is promised). */
export function signoffToggle(signatory: boolean | null): SignoffToggle {
  return signatory === true
    ? { label: 'page.signoff', appearance: 'primary-action-button' }
    : { label: 'page.signoffOverview', appearance: 'secondary-action-button' }
}
