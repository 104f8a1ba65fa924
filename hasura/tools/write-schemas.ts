import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { migrateUp, startThrowawayServer, withClient } from '@portal/dev-db';
import pg from 'pg';
import { buildEngineState } from '../src/engine/index.ts';
import { CODEGEN_ROLES, codegenEnvironment, roleSchemaSDL } from '../src/introspection/role-sdl.ts';
import { loadMetadata } from '@portal/hasura-metadata';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const GENERATED_DIR = join(ROOT, 'hasura/__generated__');

/**
 * `npm run schema -w @portal/hasura`: writes the schema of each role in CODEGEN_ROLES to
 * hasura/__generated__/<role>.graphql from the metadata and a freshly migrated database (the
 * schema does not depend on data except enum tables, which the migrations fill).
 */
async function main(): Promise<void> {
  // Always a new cluster, even with DATABASE_URL: the schema comes from the migrations alone.
  const server = await startThrowawayServer(undefined, 'portal-schema');
  const pool = new pg.Pool({ connectionString: server.adminUrl });
  try {
    await withClient(server.adminUrl, (client) => migrateUp(client));
    const state = await buildEngineState(loadMetadata(join(ROOT, 'metadata')), pool, codegenEnvironment(process.env));
    mkdirSync(GENERATED_DIR, { recursive: true });
    for (const role of CODEGEN_ROLES) {
      writeFileSync(join(GENERATED_DIR, `${role}.graphql`), await roleSchemaSDL(state, role));
      process.stdout.write(`wrote hasura/__generated__/${role}.graphql\n`);
    }
  } finally {
    await pool.end();
    await server.stop();
  }
}

process.exit(await main().then(() => 0, (error: unknown) => {
  process.stderr.write(`schema: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}));
