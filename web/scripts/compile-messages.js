// Compiles the messages without vite (tests, svelte-check): `npm run messages -w @portal/web`.
import { fileURLToPath } from 'node:url';
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../i18n.config.js';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
await compile({ ...paraglideOptions, silent: true });
