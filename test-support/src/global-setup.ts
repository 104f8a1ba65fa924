import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startThrowawayServer } from '@portal/dev-db';
import { buildTemplates } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of a maintenance database on the test cluster (may create databases). */
    adminDatabaseUrl: string;
  }
}

/**
 * SvelteKit generates web/.svelte-kit (types, its tsconfig) on `svelte-kit sync`; the web's unit
 * tests compile against it, and a fresh clone does not have it until something runs the sync.
 */
function syncSvelteKit(): void {
  const web = fileURLToPath(new URL('../../web', import.meta.url));
  const result = spawnSync(process.execPath, [join(web, '../node_modules/@sveltejs/kit/svelte-kit.js'), 'sync'], { cwd: web, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`svelte-kit sync failed: ${result.stderr || result.stdout}`);
}

/**
 * Starts one PostgreSQL for the whole run (embedded, or the server of DATABASE_URL), and builds the
 * template databases every test file clones.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  syncSvelteKit();
  const server = await startThrowawayServer(process.env.DATABASE_URL, 'portal-test');
  await buildTemplates(server.adminUrl);
  project.provide('adminDatabaseUrl', server.adminUrl);
  return () => server.stop();
}
