// The XML namespaces of OpenDocument 1.3 (OASIS), shared by the parts of the ODT package.
export const ODF_NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  xlink: 'http://www.w3.org/1999/xlink',
  meta: 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
  dc: 'http://purl.org/dc/elements/1.1/',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
} as const

export const ODF_VERSION = '1.3'
export const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text'

/** `xmlns:` declarations for the given prefixes, for a root element. */
export function namespaceAttributes(...prefixes: (keyof typeof ODF_NS)[]): Record<string, string> {
  return Object.fromEntries(prefixes.map((prefix) => [`xmlns:${prefix}`, ODF_NS[prefix]]))
}
