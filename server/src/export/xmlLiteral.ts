// Text for xmlbuilder2 that must come out exactly as written. xmlbuilder2 escapes `&` except where it
// already starts one of the five predefined entities (`&amp;`, `&lt;`, …: its "no double encoding"
// rule, lib/writers/BaseWriter.js), so user text "&amp;" would be read back as "&". Escaping every `&`
// first makes each one start `&amp;`, which the library then leaves alone: the reader gets the text back.
export function xmlLiteral(value: string): string {
  return value.replace(/&/g, '&amp;')
}
