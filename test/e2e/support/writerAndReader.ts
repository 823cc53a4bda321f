// Two people with a document open: the Rijk author, who writes, and the provincial author, who sees it
// arrive. Both are logged in in contexts of their own on the server of `useServerAndBrowser`.
import { DEMO_USERS, newUserContext, openDocument, type UserContext } from '../../helpers/browser.ts'
import type { ServerAndBrowser } from './serverAndBrowser.ts'

export async function writerAndReader(
  running: ServerAndBrowser,
  documentId: string,
): Promise<{ readonly writer: UserContext; readonly reader: UserContext }> {
  const writer = await newUserContext(running.browser(), running.server().httpUrl)
  const reader = await newUserContext(running.browser(), running.server().httpUrl, {
    email: DEMO_USERS.provincieAuteur,
  })
  await openDocument(writer.page, documentId)
  await openDocument(reader.page, documentId)
  return { writer, reader }
}
