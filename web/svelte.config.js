import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Browsers upload artwork straight to storage and load thumbnails from it (presigned URLs), so its
 * origin joins connect-src and img-src. Read when the config loads: set it before `vite build`.
 */
const storage = (process.env.PORTAL_ARTWORK_STORAGE_ORIGIN ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // `vite build` writes a plain Node server to build/ (`node build`); npm start uses the dev server.
    adapter: adapter({ out: 'build' }),
    // The browser only ever talks to this server: no third-party origins, no inline scripts
    // except SvelteKit's own (nonce), images from here or data: URLs (the MFA QR code); artwork
    // storage for uploads and thumbnails.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', ...storage],
        'connect-src': ['self', ...storage],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
