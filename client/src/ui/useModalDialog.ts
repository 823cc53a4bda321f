// A native modal <dialog> that opens as its component mounts: the rest of the page is inert, the focus
// goes to `initialFocus`, and when the component unmounts the dialog closes and the focus goes back to
// where it was when the dialog opened, if that element is still on the page (WCAG 2.4.3).
import { type RefObject, useEffect } from 'react'

export function useModalDialog(
  dialogRef: RefObject<HTMLDialogElement | null>,
  initialFocus: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    const opener = dialog.ownerDocument.activeElement
    dialog.showModal()
    initialFocus.current?.focus()
    return () => {
      if (dialog.open) dialog.close()
      // The opener may be gone (its section changed meanwhile): then the page decides where focus goes.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
  }, [dialogRef, initialFocus])
}
