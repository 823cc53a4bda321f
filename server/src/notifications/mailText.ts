// What every notification e-mail shares: user text made safe for one line (a subject), a quotation,
// a link into the editor, and the closing lines that say why the mail came and how
// to stop it.

/** One line, without control characters: user text in a header. */
export const oneLine = (text: string): string => text.replace(/[\p{Cc}\s]+/gu, ' ').trim()

/** Quoted as mail quotes it, line by line. */
export const quoted = (text: string): string =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')

/** An address in the editor under the public URL (which may have a path of its own). */
export function editorLink(publicUrl: URL, path: string, params: Readonly<Record<string, string>> = {}): string {
  const base = publicUrl.href.endsWith('/') ? publicUrl.href : `${publicUrl.href}/`
  const url = new URL(path.replace(/^\//, ''), base)
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  return url.href
}

/** The signature: why this mail came, and where to turn such mail off. */
export function closing(reason: string): string[] {
  return ['-- ', reason, 'Geen e-mail meer? Zet "Meldingen per e-mail" uit in de editor, rechtsboven bij uw naam.']
}
