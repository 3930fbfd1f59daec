import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';

// `vite dev` talks to a local PocketBase; in production PocketBase serves the build itself.
const pocketBaseUrl = process.env.POCKETBASE_URL ?? 'http://127.0.0.1:8090';

export default defineConfig({
  plugins: [
    sveltekit(),
    SvelteKitPWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'service-worker.ts',
      registerType: 'prompt',
      // SvelteKit builds with a relative Vite base; the worker must register at the root from any deep link.
      base: '/',
      scope: '/',
      // Registered by $lib/state/app-update.svelte.ts, and the manifest <link> is in app.html (no index.html here).
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        id: '/',
        name: 'Pocketdesk',
        short_name: 'Pocketdesk',
        description: 'WhatsApp help desk for field teams',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0f766e',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      kit: {
        adapterFallback: 'index.html',
        // PocketBase answers "/" (and every unknown path) with index.html: precache it under "/".
        spa: { fallbackMapping: '/' },
      },
      devOptions: { enabled: false },
    }),
  ],
  // The timing report is noise in test logs (SvelteKit's writeBundle dominates it and is not ours to tune).
  build: { rolldownOptions: { checks: { bundlerTimings: false } } },
  server: {
    proxy: { '/api': { target: pocketBaseUrl, changeOrigin: true, ws: false }, '/_': pocketBaseUrl },
  },
});
