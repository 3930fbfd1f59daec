import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // PocketBase serves this folder with --publicDir and falls back to index.html for deep links.
    adapter: adapter({ pages: 'build/pwa', assets: 'build/pwa', fallback: 'index.html', precompress: false, strict: true }),
    // @vite-pwa/sveltekit registers the worker itself (registerType: 'prompt'), so SvelteKit must not.
    serviceWorker: { register: false },
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'connect-src': ['self'],
        'img-src': ['self', 'blob:', 'data:'],
        'media-src': ['self', 'blob:'],
        // SvelteKit's route announcer carries a style attribute; styles cannot run code.
        'style-src': ['self', 'unsafe-inline'],
        'font-src': ['self'],
        'manifest-src': ['self'],
        'worker-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
    typescript: {
      config(tsconfig) {
        // This config is the browser's (DOM lib). The PocketBase hooks have their own tsconfig with the JS VM's
        // globals; the worker, the simulator and the tests run in Node and are checked with Node's types.
        const nodeSide = ['../src/pocketbase/**', '../src/worker/**', '../src/simulator/**', '../tests/**'];
        tsconfig.exclude = [...(tsconfig.exclude ?? []), ...nodeSide];
        return tsconfig;
      },
    },
  },
};

export default config;
