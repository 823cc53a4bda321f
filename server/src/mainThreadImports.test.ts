// The export renderers' libraries (docx, pdfkit, xmlbuilder2) run in the export pool's workers, and the
// round report loads pdfkit when a report is asked for. The server's own thread must not import them
// statically: they were 14 MB of its 31 MB idle heap (17 MB without them), and ~200 ms of its cold start.
// This walks the static imports (`import … from`, `export … from`) of our files from main.ts.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = dirname(fileURLToPath(import.meta.url))
const HEAVY = ['docx', 'pdfkit', 'xmlbuilder2']
const STATIC_IMPORT = /^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gm

/** Every package our files reach from `entry` through static imports, with the file that imports it. */
function staticPackages(entry: string): Map<string, string> {
  const packages = new Map<string, string>()
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = match[1] ?? ''
      if (match[0].trimStart().startsWith('import type') || match[0].trimStart().startsWith('export type')) continue
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else if (!packages.has(specifier)) packages.set(specifier, file)
    }
  }
  visit(entry)
  return packages
}

describe('the server thread', () => {
  it('does not import the export libraries at start (they load in the export workers, or on first use)', () => {
    const packages = staticPackages(join(SRC, 'main.ts'))
    // The walk itself works: it reaches the packages the server does use.
    expect([...packages.keys()]).toEqual(expect.arrayContaining(['yjs', 'ws', 'better-sqlite3', 'piscina']))
    const heavy = [...packages].filter(([name]) => HEAVY.includes(name)).map(([name, by]) => `${name} (${by})`)
    expect(heavy).toEqual([])
  })

  it('reaches the export libraries from the export worker, so the walk would see them', () => {
    const packages = staticPackages(join(SRC, 'export/renderWorker.ts'))
    expect([...packages.keys()]).toEqual(expect.arrayContaining(HEAVY))
  })
})
