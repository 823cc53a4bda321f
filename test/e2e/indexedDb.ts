// Looks into the page's IndexedDB (where the client keeps a local copy of each document, y-indexeddb)
// for a string, so a test can wait until an offline edit is stored locally before closing the page.
import type { Page } from 'playwright-core'

/**
 * True when some value in some object store of some IndexedDB database of the page's origin holds
 * `text` as UTF-8 bytes (Yjs updates store inserted text as UTF-8) or as a string.
 */
export async function indexedDbHolds(page: Page, text: string): Promise<boolean> {
  return page.evaluate(async (needleText) => {
    const needle = new TextEncoder().encode(needleText)
    const containsBytes = (bytes: Uint8Array): boolean => {
      outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
        for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
        return true
      }
      return false
    }
    const holds = (value: unknown): boolean => {
      if (value instanceof Uint8Array) return containsBytes(value)
      if (value instanceof ArrayBuffer) return containsBytes(new Uint8Array(value))
      if (typeof value === 'string') return value.includes(needleText)
      if (Array.isArray(value)) return value.some(holds)
      if (value !== null && typeof value === 'object') return Object.values(value).some(holds)
      return false
    }
    const request = <T>(r: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue
      const db = await request(indexedDB.open(info.name))
      try {
        for (const storeName of Array.from(db.objectStoreNames)) {
          const values = await request(db.transaction(storeName, 'readonly').objectStore(storeName).getAll())
          if (values.some(holds)) return true
        }
      } finally {
        db.close()
      }
    }
    return false
  }, text)
}
