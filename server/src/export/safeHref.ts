// Which link targets the dossier may carry as live links. Section text comes from any editor of the
// document, so a `javascript:` or `data:` URL in a link mark must never become clickable in a file that
// is archived and opened by others. Only absolute http(s) and mailto URLs pass, normalised by the WHATWG
// URL parser so that tricks with case, whitespace or control characters cannot change the scheme.
const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:'])

/** The normalised href when it may be a live link, otherwise null. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null
  let url: URL
  try {
    url = new URL(href.trim())
  } catch {
    // Not an absolute URL (relative, or garbage): there is no base to resolve it against in a file.
    return null
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null
}

/** Whether a link's visible text already is its address, so printing the address again adds nothing. */
export function sameAddress(text: string, href: string): boolean {
  const shown = text.trim()
  return shown === href || shown === href.replace(/^mailto:/, '') || `${shown}/` === href
}
