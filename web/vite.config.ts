import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { paraglideOptions } from './i18n.config.js';

export default defineConfig({
  plugins: [paraglideVitePlugin(paraglideOptions), sveltekit()],
  // npm start gives each stack its own dependency cache, so two stacks (tests) never race on one.
  cacheDir: process.env.PORTAL_VITE_CACHE_DIR || undefined,
  build: {
    // The portal's pages are small; a warning above this size means a dependency slipped into the client.
    chunkSizeWarningLimit: 100,
  },
});
