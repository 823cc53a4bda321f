// The content hash a signature covers: SHA-256 over the RFC 8785 (JCS) serialisation of the section's
// canonical form. Browser and server compute it with the same code, so a signatory signs exactly the
// hash their screen shows, and the server can recompute it from stored content at any time.
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import canonicalize from 'canonicalize'
import type { SectionView } from '../ydoc/schema.ts'
import { type CanonicalSection, canonicalChildren, canonicalSection } from './canonicalSection.ts'

export const HASH_PREFIX = 'sha256:'

export function hashCanonical(section: CanonicalSection): string {
  const json = canonicalize(section)
  if (json === undefined) throw new Error('section cannot be serialised')
  return HASH_PREFIX + bytesToHex(sha256(utf8ToBytes(json)))
}

export function sectionHash(section: Pick<SectionView, 'title' | 'content'>): string {
  return hashCanonical(canonicalSection(section))
}

export function isSectionHash(value: unknown): value is string {
  return typeof value === 'string' && /^sha256:[0-9a-f]{64}$/.test(value)
}

/** The hash of a section's content alone: a rename does not change it (used for link baselines). */
export function sectionContentHash(section: Pick<SectionView, 'content'>): string {
  return hashCanonical({ title: '', content: canonicalChildren(section.content) })
}
