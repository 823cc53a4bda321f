// Puts text on the clipboard. The Clipboard API needs a secure context and the user's permission;
// where it is missing or refused, a selected textarea and execCommand('copy') still work in every
// browser we support. The textarea goes inside `container` because a modal dialog makes the rest of
// the page inert, and a selection there cannot be copied.
export async function copyText(text: string, container: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // No Clipboard API or no permission: fall back to the selection, below.
  }
  const owner = container.ownerDocument
  const previous = owner.activeElement
  const area = owner.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  container.append(area)
  area.select()
  try {
    return owner.execCommand('copy')
  } finally {
    area.remove()
    if (previous instanceof HTMLElement) previous.focus()
  }
}
