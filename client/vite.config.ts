import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The dev server proxies the API, the sync endpoint and the health check to a locally running
// server (`pnpm --filter @novex/server dev`, default port 4321; NOVEX_DEV_SERVER overrides it), so the
// client uses same-origin URLs in development and in production alike.
const SERVER = process.env.NOVEX_DEV_SERVER ?? 'http://127.0.0.1:4321'

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: SERVER },
      '/sync': { target: SERVER, ws: true },
      '/healthz': { target: SERVER },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The document page chunk holds Tiptap/ProseMirror and Yjs (about 160 kB gzipped); it is loaded
    // only when a document opens.
    chunkSizeWarningLimit: 600,
  },
})
