import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// `vite dev` talks to a local PocketBase; in production PocketBase serves the build itself.
const pocketBaseUrl = process.env.POCKETBASE_URL ?? 'http://127.0.0.1:8090';

/**
 * @lucide/svelte's icon components draw through our lighter Icon (src/lib/components/LucideIcon.svelte: same props,
 * same SVG, a fraction of the rendering work). The icons stay lucide's own, tree-shaken one file per icon.
 */
function lighterLucideIcons(): Plugin {
  const icon = fileURLToPath(new URL('./src/lib/components/LucideIcon.svelte', import.meta.url));
  return {
    name: 'pocketdesk:lucide-icon',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '../Icon.svelte' && importer && /[\\/]@lucide[\\/]svelte[\\/]dist[\\/]icons[\\/]/.test(importer)) return icon;
    },
  };
}

export default defineConfig({
  plugins: [
    lighterLucideIcons(),
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
  build: {
    // No <link rel="modulepreload"> per dynamic import's dependencies at run time: adding them cost the phone's main
    // thread ~25 ms at start-up (a request each through the service worker). Interleaved Lighthouse runs were better
    // or equal without them on every page, the first visit included (README, Performance).
    modulePreload: false,
    // The timing report is noise in test logs (SvelteKit's writeBundle dominates it and is not ours to tune).
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: { '/api': { target: pocketBaseUrl, changeOrigin: true, ws: false }, '/_': pocketBaseUrl },
  },
});
