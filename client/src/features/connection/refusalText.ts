// Plain-language (B1) explanations of why the server refused a change, by the reason codes of
// RefusalReason in @novex/shared. Unknown codes fall back to a general sentence.
import { RefusalReason } from '@novex/shared'

const TEXT: Readonly<Record<string, string>> = {
  [RefusalReason.readOnly]: 'U mag dit document alleen lezen. Uw wijziging is niet opgeslagen.',
  [RefusalReason.locked]: 'Deze sectie is ondertekend en daarom vergrendeld. Uw wijziging is niet opgeslagen.',
  [RefusalReason.serverOwned]: 'Uw wijziging raakte een deel van het document dat alleen de server mag wijzigen.',
  [RefusalReason.foreignClient]: 'Uw wijziging leek van een andere verbinding te komen en is daarom geweigerd.',
  [RefusalReason.malformed]: 'De server kon uw wijziging niet lezen.',
  [RefusalReason.unresolved]: 'Uw wijziging verwees naar een deel van het document dat de server niet kent.',
  [RefusalReason.storage]: 'De server kon uw wijziging niet opslaan. Probeer het later opnieuw.',
}

export function refusalText(reason: string): string {
  return TEXT[reason] ?? 'De server heeft uw wijziging om een onbekende reden geweigerd.'
}
