// What other workspace packages (tests) may import from the server.
export { type App, startApp } from './app.ts'
export { type Config, readConfig } from './config.ts'
export { perspectiveId, voorstelId } from './demo/seedDemo.ts'
export { DATABASE_FILE, openDatabase } from './persistence/database.ts'
export { createSqliteDocumentStore } from './persistence/sqliteDocumentStore.ts'
