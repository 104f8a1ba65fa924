import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
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
