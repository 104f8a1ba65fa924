import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../hasura/src/postgres/index.ts';
import { buildTemplates } from './templates.ts';
import { freePort } from './free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of a maintenance database on the test cluster (may create databases). */
    adminDatabaseUrl: string;
  }
}

/**
 * Starts one PostgreSQL for the whole run (embedded, or the server of DATABASE_URL), and builds the
 * template databases every test file clones.
 */
/**
 * SvelteKit generates web/.svelte-kit (types, its tsconfig) on `svelte-kit sync`; the web's unit
 * tests compile against it, and a fresh clone does not have it until something runs the sync.
 */
function syncSvelteKit(): void {
  const web = fileURLToPath(new URL('../web', import.meta.url));
  const result = spawnSync(process.execPath, [join(web, '../node_modules/@sveltejs/kit/svelte-kit.js'), 'sync'], { cwd: web, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`svelte-kit sync failed: ${result.stderr || result.stdout}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  syncSvelteKit();
  let server: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'portal-test-pg-'));
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(), disposable: true });
    adminUrl = server.adminUrl;
  }
  await buildTemplates(adminUrl);
  project.provide('adminDatabaseUrl', adminUrl);
  return async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
