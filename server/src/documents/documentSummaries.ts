// What the document list shows of each document beside its title: its status (an ontwikkelperspectief's
// step, @novex/shared documentStatus) and how many comment threads are open. Read from the document
// itself whenever it is loaded (the start-up pass over every document loads each once) and after every
// change the server makes to it (comments, rounds and status decisions are only ever server changes),
// and kept in memory: the list never loads a document for it.
import { type DocumentStatus, listThreads, statusOf } from '@novex/shared'
import type * as Y from 'yjs'

export interface DocumentSummaryFacts {
  readonly status: DocumentStatus
  readonly openThreads: number
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
      facts.set(documentId, {
        status: statusOf(doc),
        openThreads: listThreads(doc).filter((thread) => thread.status === 'open').length,
      })
    },
    get: (documentId) => facts.get(documentId) ?? null,
  }
}
