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

const WEB = fileURLToPath(new URL('../../web', import.meta.url));

/** Runs one of the web's build steps with node in the web folder; a failure stops the run. */
function runWebStep(name: string, script: string, args: string[] = []): void {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: WEB, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr || result.stdout}`);
}

/**
 * SvelteKit generates web/.svelte-kit (types, its tsconfig) on `svelte-kit sync`, and Paraglide the
 * message functions (web/src/lib/paraglide) from web/messages; the web's unit tests compile against
 * both, and a fresh clone has neither until something generates them.
 */
function prepareWeb(): void {
  runWebStep('svelte-kit sync', join(WEB, '../node_modules/@sveltejs/kit/svelte-kit.js'), ['sync']);
  runWebStep('compiling the messages', join(WEB, 'scripts/compile-messages.js'));
}

/**
 * Starts one PostgreSQL for the whole run (embedded, or the server of DATABASE_URL), and builds the
 * template databases every test file clones.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  prepareWeb();
  const server = await startThrowawayServer(process.env.DATABASE_URL, 'portal-test');
  await buildTemplates(server.adminUrl);
  project.provide('adminDatabaseUrl', server.adminUrl);
  return () => server.stop();
}
