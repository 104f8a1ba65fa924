import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * `npm run size -w @portal/web` (after `vite build`): the JavaScript a browser loads to show a page
 * on first visit (SvelteKit's start and app entries, the route's layouts and page, and the chunks
 * they import), raw and gzipped. The numbers go into web/README.md.
 */
const WEB = fileURLToPath(new URL('..', import.meta.url));
const OUTPUT = join(WEB, '.svelte-kit/output');
const ROUTES = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/(auth)/sign-in', '/(app)', '/(app)/orders', '/(app)/orders/[id]'];

interface ServerNode {
  imports?: string[];
}
interface Manifest {
  _: {
    client: { start: string; app: string; imports: string[] };
    nodes: Array<() => Promise<ServerNode>>;
    routes: Array<{ id: string; page: { layouts: Array<number | undefined>; leaf: number } | null }>;
  };
}

const { manifest } = (await import(pathToFileURL(join(OUTPUT, 'server/manifest.js')).href)) as { manifest: Manifest };
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

for (const id of ROUTES) {
  const route = manifest._.routes.find((r) => r.id === id);
  if (!route?.page) throw new Error(`no page route ${id}`);
  const files = new Set([manifest._.client.start, manifest._.client.app, ...manifest._.client.imports]);
  for (const index of [...route.page.layouts, route.page.leaf]) {
    if (index === undefined) continue;
    for (const file of (await manifest._.nodes[index]!()).imports ?? []) files.add(file);
  }
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(OUTPUT, 'client', file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  process.stdout.write(`${id.padEnd(22)} ${String(files.size).padStart(3)} files  ${kb(raw).padStart(9)} raw  ${kb(gzip).padStart(8)} gzipped\n`);
}
