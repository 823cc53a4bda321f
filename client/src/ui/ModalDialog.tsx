// A native modal <dialog> that opens as it mounts, the one shape of the app's dialogs: the rest of
// the page is inert, the focus goes to `initialFocus` (or the first button), Tab stays inside
// (keepTabInside.ts), and Escape (the native cancel), `dialogRef.current.close()` and unmounting all
// end in `onClose`. When it unmounts, the focus goes back to where it was when it opened, if that is
// still on the page (WCAG 2.4.3); `returnFocus={false}` leaves that to the caller (a link picker puts
// the focus back in the text it edits).
import { type ReactNode, type RefObject, useEffect, useRef } from 'react'
import { keepTabInside } from './keepTabInside.ts'

export interface ModalDialogProps {
  readonly dialogRef: RefObject<HTMLDialogElement | null>
  readonly testId: string
  /** Classes besides "dialog". */
  readonly className?: string
  readonly labelledBy: string
  readonly describedBy?: string
  /** What takes the focus when it opens; absent: the first button. */
  readonly initialFocus?: RefObject<HTMLElement | null>
  readonly onClose: () => void
  readonly returnFocus?: boolean
  readonly children: ReactNode
}

export function ModalDialog({
  dialogRef,
  testId,
  className,
  labelledBy,
  describedBy,
  initialFocus,
  onClose,
  returnFocus = true,
  children,
}: ModalDialogProps) {
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose
  const returnFocusRef = useRef(returnFocus)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    const opener = dialog.ownerDocument.activeElement
    dialog.showModal()
    if (initialFocus?.current) initialFocus.current.focus()
    else dialog.querySelector<HTMLElement>('button')?.focus()
    return () => {
      if (dialog.open) dialog.close()
      // The opener may be gone (its section changed meanwhile): then the page decides where focus goes.
      if (returnFocusRef.current && opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
  }, [dialogRef, initialFocus])

  return (
    <dialog
      ref={dialogRef}
      className={className === undefined ? 'dialog' : `dialog ${className}`}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      // Not a `close` that is out of date: StrictMode's trial unmount closes the dialog and mounts it
      // again at once, and that close event arrives when the dialog is open again.
      onClose={(event) => {
        if (!event.currentTarget.open) onCloseRef.current()
      }}
      onKeyDown={keepTabInside}
    >
      {children}
    </dialog>
  )
}
