// The server refuses content outside @novex/shared's allow-list (server/src/policy/contentPolicy.ts).
// If the editors' schema gains a node, mark or attribute, that list must grow with it, or the server
// would refuse what users type; if it loses one, the server should stop accepting it.
import { CONTENT_MARKS, CONTENT_NODES } from '@novex/shared'
import { getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { contentSchemaExtensions } from './contentSchema.ts'

const schema = getSchema(contentSchemaExtensions())
const sorted = (record: Readonly<Record<string, readonly string[]>>) =>
  Object.fromEntries(
    Object.entries(record)
      .map(([name, attrs]) => [name, [...attrs].sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  )

describe('the content allow-list matches the editor schema', () => {
  it('has every element node (doc is the fragment, text a Y.XmlText) with its attributes', () => {
    const nodes = Object.entries(schema.nodes)
      .filter(([name]) => name !== 'doc' && name !== 'text')
      .map(([name, type]) => [name, Object.keys(type.spec.attrs ?? {})] as const)
    expect(sorted(Object.fromEntries(nodes))).toEqual(sorted(CONTENT_NODES))
  })

  it('has every mark with its attributes, and no mark may overlap itself', () => {
    const marks = Object.entries(schema.marks).map(
      ([name, type]) => [name, Object.keys(type.spec.attrs ?? {})] as const,
    )
    expect(sorted(Object.fromEntries(marks))).toEqual(sorted(CONTENT_MARKS))
    // y-prosemirror stores a mark that can overlap itself under `name--hash`; the policy knows plain names.
    for (const type of Object.values(schema.marks)) expect(type.excludes(type)).toBe(true)
  })
})
