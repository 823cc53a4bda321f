// What every notification e-mail shares: user text made safe for one line (a subject), a quotation,
// a link into the editor, and the closing lines that say why the mail came and how to stop it. Each
// mail is written in the recipient's language (Dutch or English, that of their interface).
import { documentPath, type Language, PANEL_PARAM, SIGNOFF_PANEL } from '@novex/shared'

/** One line, without control characters: user text in a header. */
export const oneLine = (text: string): string => text.replace(/[\p{Cc}\s]+/gu, ' ').trim()

/** Who acted, as every mail names them: "Name (Organisation)". */
export const personName = (person: { readonly name: string; readonly organisationName: string }): string =>
  `${oneLine(person.name)} (${oneLine(person.organisationName)})`

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

/** The document with its sign-off panel open. */
export const signoffPanelLink = (publicUrl: URL, documentId: string): string =>
  editorLink(publicUrl, documentPath(documentId), { [PANEL_PARAM]: SIGNOFF_PANEL })

const TURN_OFF: Readonly<Record<Language, string>> = {
  nl: 'Geen e-mail meer? Zet "Meldingen per e-mail" uit in de editor, rechtsboven bij uw naam.',
  en: 'No more e-mail? Turn off "Notifications by e-mail" in the editor, at your name in the top right.',
}

/** The signature: why this mail came, what else can be chosen (`choice`), and where to turn such mail off. */
export function closing(reason: string, language: Language, choice?: string): string[] {
  return ['-- ', reason, ...(choice === undefined ? [] : [choice]), TURN_OFF[language]]
}

/** "1 open reactie" / "3 open reacties": a count with its noun in the right number. */
export const counted = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`
