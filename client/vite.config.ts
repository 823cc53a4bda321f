import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

// The dev server proxies the API, the sync endpoint and the health check to a locally running
// server (`pnpm --filter @novex/server dev`, default port 4321; NOVEX_DEV_SERVER overrides it), so the
// client uses same-origin URLs in development and in production alike.
const SERVER = process.env.NOVEX_DEV_SERVER ?? 'http://127.0.0.1:4321'

export default defineConfig({
  plugins: [
    react(),
    // A service worker (Workbox, generated at build time) keeps the app shell in the browser, so a page
    // reloaded without a connection still opens, with the document's local copy from IndexedDB.
    // The API and the sync endpoint are never cached.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync/, /^\/healthz/, /^\/metrics/],
        clientsClaim: true,
        skipWaiting: true,
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
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
