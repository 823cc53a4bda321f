// What the document list shows of each document beside its title: its status (an ontwikkelperspectief's
// step, @novex/shared documentStatus), how many comment threads are open, and how many of those mention
// the person looking. Read from the document itself whenever it is built in memory anyway (the start-up
// pass over every document builds each once; a join served from the stored snapshot does not, and must
// not be made to: that would cost each document's memory and load time) and after every change the server
// makes to it (comments, rounds and status decisions are only ever server changes), and kept in memory:
// the list never loads a document for it.
import { type DocumentStatus, listThreads, statusOf } from '@novex/shared'
import type * as Y from 'yjs'

export interface DocumentSummaryFacts {
  readonly status: DocumentStatus
  readonly openThreads: number
  /** userId → open threads whose messages mention that user (@-mentions). */
  readonly mentioned: ReadonlyMap<string, number>
}

export interface DocumentSummaries {
  /** Reads the facts again from a loaded document. */
  refresh(documentId: string, doc: Y.Doc): void
  /** Null for a document not read since the server started. */
  get(documentId: string): DocumentSummaryFacts | null
}

export function createDocumentSummaries(): DocumentSummaries {
  const facts = new Map<string, DocumentSummaryFacts>()
  return {
    refresh(documentId, doc) {
      const open = listThreads(doc).filter((thread) => thread.status === 'open')
      const mentioned = new Map<string, number>()
      for (const thread of open) {
        const users = new Set(thread.messages.flatMap((m) => (m.deleted ? [] : m.mentions)))
        for (const user of users) mentioned.set(user, (mentioned.get(user) ?? 0) + 1)
      }
      facts.set(documentId, { status: statusOf(doc), openThreads: open.length, mentioned })
    },
    get: (documentId) => facts.get(documentId) ?? null,
  }
}
