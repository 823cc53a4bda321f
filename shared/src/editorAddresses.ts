// The editor's addresses that the server writes into notification e-mail and the client opens: one
// place for both sides (client routes: client/src/App.tsx).

/** `?reactie=<threadId>`: the document page opens that comment thread. */
export const THREAD_LINK_PARAM = 'reactie'
/** `?paneel=ondertekenen`: the document page with its sign-off panel open. */
export const PANEL_PARAM = 'paneel'
export const SIGNOFF_PANEL = 'ondertekenen'

export const documentPath = (documentId: string): string => `/document/${encodeURIComponent(documentId)}`
/** "Gereed voor BO-MIRT?": readiness and the decision-making of a perspective. */
export const readinessPath = (documentId: string): string => `${documentPath(documentId)}/gereed`
/** "Versiegeschiedenis": the named versions, with each round's report. */
export const versionsPath = (documentId: string): string => `${documentPath(documentId)}/versies`
